package org.policytracker.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.policytracker.system.Message;

/** The password rule and the hashes, without a container: plain JUnit. */
class PasswordPolicyTest {

    private static final int COST = 4;

    private static String refusal(String password, String username) {
        return PasswordPolicy.problem(password, username).map(Message::code).orElse("allowed");
    }

    /** count CJK ideographs, none next to the previous in code order and none repeated in a short cycle. */
    private static String chinese(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.appendCodePoint(0x4E00 + (i * 7919) % 20000);
        }
        return text.toString();
    }

    @Test
    void shouldNotLetASuffixPastByte72SignIn() {
        String first72 = "a-passphrase-of-several-words-that-goes-on-for-more-than-seventy-two-byt";
        assertEquals(72, first72.getBytes(StandardCharsets.UTF_8).length);
        String hash = Passwords.hash(first72 + "es-and-then-some", COST);
        assertTrue(Passwords.matches(first72 + "es-and-then-some", hash));
        assertFalse(Passwords.matches(first72 + "es-and-then-other", hash), "bcrypt alone would take this one");
        assertFalse(Passwords.matches(first72, hash));
        // What the pre-hash protects against: plain bcrypt takes any suffix.
        assertTrue(BcryptUtil.matches(first72 + "anything", BcryptUtil.bcryptHash(first72 + "something", COST)));
        assertTrue(hash.matches(AppUser.PASSWORD_HASH), "the backup check's format: " + hash);
    }

    @Test
    void shouldNotLetASuffixPastByte72SignInForChineseEither() {
        String first24 = chinese(24); // 72 bytes in UTF-8
        String hash = Passwords.hash(first24 + "一二三", COST);
        assertTrue(Passwords.matches(first24 + "一二三", hash));
        assertFalse(Passwords.matches(first24 + "四五六", hash));
    }

    @Test
    void shouldKeepPlainBcryptForPasswordsBcryptReadsWhole() {
        String hash = Passwords.hash("correct-horse-battery", COST);
        assertTrue(BcryptUtil.matches("correct-horse-battery", hash), "a stored hash as before: plain bcrypt");
        String before = BcryptUtil.bcryptHash("a-hash-from-before-the-rule", COST);
        assertTrue(Passwords.matches("a-hash-from-before-the-rule", before), "hashes stored earlier keep verifying");
        assertFalse(Passwords.matches("a-hash-from-before-the-rulf", before));
        assertFalse(Passwords.matches("anything-at-all-here", "not-a-hash"));
        assertFalse(Passwords.matches("anything-at-all-here", null));
    }

    @Test
    void shouldAcceptAndVerifyA128CharacterChinesePassword() {
        String password = chinese(128);
        assertEquals(128, password.length());
        assertEquals(Optional.empty(), PasswordPolicy.problem(password, "zhang.san"));
        String hash = Passwords.hash(password, COST);
        assertTrue(Passwords.matches(password, hash));
        assertFalse(Passwords.matches(chinese(127) + "丁", hash));
    }

    @Test
    void shouldCountCharactersNotUtf16UnitsNorBytes() {
        StringBuilder astral = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            astral.appendCodePoint(0x20000 + i * 37); // CJK Extension B: two UTF-16 units, four UTF-8 bytes each
        }
        assertEquals(24, astral.length());
        assertEquals("allowed", refusal(astral.toString(), "li.si"), "12 characters, 24 UTF-16 units");
        assertEquals("user.password", refusal(astral.substring(0, 22), "li.si"), "11 characters, 22 units");
        assertEquals("user.password", refusal("abcdefghijk".replace('c', 'x'), null), "11 characters");
        assertEquals("allowed", refusal("abxdefghijkq", null), "12 characters");
        assertEquals("allowed", refusal(chinese(128), null));
        assertEquals("user.password", refusal(chinese(129), null), "129 characters");
        Message message = PasswordPolicy.problem(chinese(129), null).orElseThrow();
        assertEquals(129, message.args().get("length"));
        assertEquals(12, message.args().get("min"));
        assertEquals(128, message.args().get("max"));
    }

    @Test
    void shouldRefuseCommonAndBreachedPasswordsWhateverTheirCase() {
        assertEquals("password.common", refusal("password1234", null));
        assertEquals("password.common", refusal("PassWord1234", null));
        assertEquals("password.common", refusal("iloveyou1234", null));
        assertEquals("password.common", refusal("qwertyuiopas", null));
        assertEquals("allowed", refusal("violet-tugboat-sings", null));
    }

    @Test
    void shouldRefuseTheUserNameAndWhatIsTriviallyMadeOfIt() {
        assertEquals("password.username", refusal("maria.gonzalez", "maria.gonzalez"));
        assertEquals("password.username", refusal("Maria.Gonzalez", "maria.gonzalez"));
        assertEquals("password.username", refusal("maria.gonzalez2024!", "maria.gonzalez"));
        assertEquals("password.username", refusal("zelaznog.airam", "maria.gonzalez"));
        assertEquals("password.username", refusal("wang.wu.wang.wu", "wang.wu"));
        assertEquals("allowed", refusal("wang.wu-likes-rowing", "wang.wu"), "a name among other words is allowed");
        assertEquals("allowed", refusal("admin-test-secret", "admin"));
        assertEquals("password.service", refusal("tracker2024!!!", null));
        assertEquals("password.service", refusal("PolicyTracker#1", null));
    }

    @Test
    void shouldRefuseRepeatsAndRuns() {
        assertEquals("password.pattern", refusal(" ".repeat(12), null), "12 spaces");
        assertEquals("password.pattern", refusal("aaaaaaaaaaaa", null));
        assertEquals("password.pattern", refusal("密".repeat(12), null));
        assertEquals("password.pattern", refusal("abcabcabcabc", null));
        assertEquals("password.pattern", refusal("xyzzy-xyzzy-xyzzy", null));
        assertEquals("password.pattern", refusal("123456789012", null));
        assertEquals("password.pattern", refusal("987654321098", null));
        assertEquals("password.pattern", refusal("ABCDEFGHIJKLM", null));
        assertEquals("allowed", refusal("aaaaaaaaaaab", null), "only the patterns named are refused");
    }

    @Test
    void shouldTreatTheSameCharactersTypedDifferentlyAsOnePassword() {
        String fullWidth = "ｃｏｒｒｅｃｔ-ｈｏｒｓｅ-ｂａｔｔｅｒｙ"; // as some input methods type Latin letters
        String hash = Passwords.hash("correct-horse-battery", COST);
        assertTrue(Passwords.matches(fullWidth, hash), "NFKC makes them the same password");
        String typedThen = BcryptUtil.bcryptHash(fullWidth, COST); // stored before passwords were normalised
        assertTrue(Passwords.matches(fullWidth, typedThen));
    }

    @Test
    void shouldRefuseAnUnpairedSurrogate() {
        assertEquals("password.notText", refusal("a-long-password-\uD800-here", null));
    }

    @Test
    void shouldStopAStartWhoseAdminPasswordBreaksTheRule() {
        AdminBootstrap.requireAllowed("admin-test-secret");
        IllegalStateException common = assertThrows(IllegalStateException.class,
                () -> AdminBootstrap.requireAllowed("password1234"));
        assertTrue(common.getMessage().startsWith("TRACKER_ADMIN_PASSWORD is on the list of common or breached"),
                common.getMessage());
        IllegalStateException name = assertThrows(IllegalStateException.class,
                () -> AdminBootstrap.requireAllowed("admin2024!!!!!"));
        assertTrue(name.getMessage().contains("user name 'admin'"), name.getMessage());
        IllegalStateException shortOne = assertThrows(IllegalStateException.class,
                () -> AdminBootstrap.requireAllowed("short-one"));
        assertTrue(shortOne.getMessage().contains("12–128 characters long; it has 9"), shortOne.getMessage());
    }
}
