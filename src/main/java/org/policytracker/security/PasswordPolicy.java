package org.policytracker.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Message;
import org.policytracker.system.Problems;

/**
 * The rule every password follows, the one place it is written (POST and PUT /api/users, PUT /api/me/password,
 * TRACKER_ADMIN_PASSWORD). After NIST SP 800-63B, 5.1.1.2: a length of {@value #MIN_LENGTH} to {@value #MAX_LENGTH}
 * characters, counted in Unicode code points after NFKC normalisation (so a Chinese character or an emoji is one
 * character, not two UTF-16 units or three bytes); not on the shipped list of common and breached passwords
 * (compared case-insensitively); not the user name or the application's name, reversed or repeated, with only
 * digits or symbols added; not one character or a short text repeated, nor a run such as {@code 123456789012}. No
 * composition rules (no "one digit, one capital"): they make passwords harder to remember, not to guess.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /**
     * Common and breached passwords of {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters (shorter ones are
     * refused by their length anyway), NFKC-normalised and lower-cased, one a line; where they come from:
     * src/main/resources/security/README.md.
     */
    static final String COMMON_PASSWORDS = "security/common-passwords.txt";

    /** The application's own names: a password made of one of them is among the first an attacker tries. */
    private static final List<String> SERVICE_NAMES = List.of("policytargettracker", "policytracker", "tracker",
            "政策目标跟踪");

    private PasswordPolicy() {
    }

    /**
     * The form a password is checked and hashed in: NFKC, so that the same characters typed through another input
     * method or keyboard (a full-width letter, a composed accent) are the same password.
     */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Refuses a password that breaks the rule with a 400 problem naming {@code field}. */
    public static void require(String field, String password, String username) {
        problem(password, username).ifPresent(message -> {
            throw Problems.of(400, List.of(new FieldMessage(field, message)));
        });
    }

    /**
     * Why the password is not allowed, or empty when it is. {@code username} may be null where the user name is
     * not known yet (a field's own validation); the caller checks again with it.
     */
    public static Optional<Message> problem(String password, String username) {
        if (hasUnpairedSurrogate(password)) {
            // Not text: UTF-8 would turn it into '?', so two different inputs would be one password.
            return Optional.of(Message.of("password.notText"));
        }
        String normalized = normalize(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of(Message.of("user.password", "min", MIN_LENGTH, "max", MAX_LENGTH, "length", length));
        }
        String folded = fold(normalized);
        int[] chars = folded.codePoints().toArray();
        if (isRepetition(chars) || isRun(chars)) {
            return Optional.of(Message.of("password.pattern"));
        }
        if (CommonPasswords.SET.contains(folded)) {
            return Optional.of(Message.of("password.common"));
        }
        if (username != null && !username.isEmpty() && isMadeOf(folded, fold(normalize(username)))) {
            return Optional.of(Message.of("password.username", "username", Problems.quote(username)));
        }
        if (SERVICE_NAMES.stream().anyMatch(name -> isMadeOf(folded, name))) {
            return Optional.of(Message.of("password.service"));
        }
        return Optional.empty();
    }

    /** The case-insensitive form passwords are compared in (with the list, with a user name). */
    static String fold(String normalized) {
        return normalized.toLowerCase(Locale.ROOT);
    }

    /** One character or a shorter text repeated: "aaaaaaaaaaaa", twelve spaces, "abcabcabcabc", "passwordpassword". */
    static boolean isRepetition(int[] chars) {
        for (int period = 1; period <= chars.length / 2 && period < MIN_LENGTH; period++) {
            boolean repeats = true;
            for (int i = period; i < chars.length && repeats; i++) {
                repeats = chars[i] == chars[i - period];
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** Each character one after or one before the last, throughout: "123456789012", "abcdefghijkl", "987654321098". */
    static boolean isRun(int[] chars) {
        int step = next(chars[0], chars[1]);
        if (step == 0) {
            return false;
        }
        for (int i = 2; i < chars.length; i++) {
            if (next(chars[i - 1], chars[i]) != step) {
                return false;
            }
        }
        return true;
    }

    /** +1 or -1 when {@code b} follows or precedes {@code a} (digits wrap: 9 → 0), else 0. */
    private static int next(int a, int b) {
        if (b == a + 1 || (a == '9' && b == '0')) {
            return 1;
        }
        if (b == a - 1 || (a == '0' && b == '9')) {
            return -1;
        }
        return 0;
    }

    /**
     * Whether the password is the word (the user name, a name of the application), reversed or repeated, with
     * nothing but digits, spaces or symbols added: "alice", "alice2024!", "ecila", "alicealice". A password that
     * merely contains it among other letters ("alice-likes-rowing") is allowed.
     */
    static boolean isMadeOf(String password, String word) {
        if (word.isEmpty() || !password.contains(word) && !password.contains(reversed(word))) {
            return false;
        }
        String rest = password.replace(word, "").replace(reversed(word), "");
        return rest.codePoints().noneMatch(Character::isLetter);
    }

    private static String reversed(String text) {
        return new StringBuilder(text).reverse().toString();
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The list, read once on first use (about 55,000 entries, a few MB). */
    private static final class CommonPasswords {

        static final Set<String> SET = load();

        private static Set<String> load() {
            Set<String> passwords = new HashSet<>(80_000);
            try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
                if (in == null) {
                    throw new IllegalStateException("The list of common passwords is missing: " + COMMON_PASSWORDS);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty()) {
                        // The file is folded already; folding again keeps the comparison right if it is edited.
                        passwords.add(fold(normalize(line)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(passwords);
        }
    }
}
