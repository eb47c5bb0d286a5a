package org.policytracker.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password hashes: bcrypt in its modular crypt format ({@link AppUser#PASSWORD_HASH}), of the password in its
 * normalised form ({@link PasswordPolicy#normalize}).
 *
 * <p>
 * bcrypt reads only the first {@value #BCRYPT_MAX_BYTES} bytes of its input and silently ignores the rest, so two
 * passwords that share their first 72 UTF-8 bytes (72 ASCII characters, or 24 Chinese ones) would both sign in. A
 * password longer than that is therefore pre-hashed: bcrypt gets the Base64 of its HMAC-SHA-256 (a fixed key keeps
 * this use apart from any other SHA-256 of the password), 44 characters that depend on every byte. A password of at
 * most 72 bytes goes to bcrypt as it is, so the hashes stored before this rule keep verifying. A hash made before it
 * of a longer password (which was cut at byte 72) no longer matches: that user needs a reset (for {@code admin},
 * TRACKER_ADMIN_PASSWORD does it at start).
 */
public final class Passwords {

    /** What bcrypt reads of its input; the rest is ignored. */
    static final int BCRYPT_MAX_BYTES = 72;

    /** Not a secret: it separates this pre-hash from any other keyed hash of the same password. */
    private static final byte[] PRE_HASH_KEY = "org.policytracker/bcrypt-pre-hash/v1"
            .getBytes(StandardCharsets.US_ASCII);

    private Passwords() {
    }

    /** The hash to store for a password, at the given bcrypt cost. */
    public static String hash(String password, int cost) {
        return BcryptUtil.bcryptHash(bcryptInput(PasswordPolicy.normalize(password)), cost);
    }

    /**
     * Whether the password is the one the stored hash was made of. As slow as bcrypt at the hash's cost, whether
     * it matches or not; false for a missing or malformed hash.
     */
    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.matches(AppUser.PASSWORD_HASH)) {
            return false;
        }
        String normalized = PasswordPolicy.normalize(password);
        if (BcryptUtil.matches(bcryptInput(normalized), hash)) {
            return true;
        }
        // A hash stored before passwords were normalised, of a password whose normalised form differs (one typed
        // with full-width letters, say): that password as it was typed then.
        return !normalized.equals(password) && BcryptUtil.matches(bcryptInput(password), hash);
    }

    /** What bcrypt is given: the password itself when bcrypt reads all of it, else its pre-hash. */
    static String bcryptInput(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return password;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PRE_HASH_KEY, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
