package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @Test
    void aHashVerifiesItsPasswordOnly() {
        String h = hasher.hash("correct horse battery");
        assertTrue(hasher.verify("correct horse battery", h));
        assertFalse(hasher.verify("correct horse batterY", h));
        assertFalse(hasher.verify("", h));
        assertFalse(h.contains("correct"));
    }

    @Test
    void theEncodingNamesAlgorithmIterationsSaltAndHash() {
        String[] parts = hasher.hash("pw-123456").split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(PasswordHasher.MIN_ITERATIONS), parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String a = hasher.hash("same password");
        String b = hasher.hash("same password");
        assertNotEquals(a, b);
        assertNotEquals(a.split("\\$")[2], b.split("\\$")[2]);
        assertTrue(hasher.verify("same password", a) && hasher.verify("same password", b));
    }

    @Test
    void parametersCanEvolve() {
        PasswordHasher stronger = new PasswordHasher(PasswordHasher.MIN_ITERATIONS + 1000);
        String old = hasher.hash("evolving pw");
        assertTrue(stronger.verify("evolving pw", old), "old hashes still verify");
        assertTrue(stronger.needsRehash(old));
        assertFalse(stronger.needsRehash(stronger.hash("evolving pw")));
        assertEquals(600_000, new PasswordHasher().iterations());
    }

    @Test
    void tooFewIterationsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PasswordHasher(PasswordHasher.MIN_ITERATIONS - 1));
    }

    @Test
    void malformedOrTamperedHashesNeverVerify() {
        String h = hasher.hash("pw-123456");
        String[] p = h.split("\\$");
        byte[] digest = Base64.getDecoder().decode(p[3]);
        digest[0] ^= 1;
        String tampered = p[0] + "$" + p[1] + "$" + p[2] + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(digest);
        assertFalse(hasher.verify("pw-123456", tampered));
        assertFalse(hasher.verify("pw-123456", null));
        assertFalse(hasher.verify("pw-123456", "garbage"));
        assertFalse(hasher.verify("pw-123456", "md5$1$" + p[2] + "$" + p[3]));
        assertFalse(hasher.verify("pw-123456", p[0] + "$999999999$" + p[2] + "$" + p[3]),
                "absurd iteration counts are refused, not computed");
        assertFalse(hasher.verify("pw-123456", p[0] + "$x$" + p[2] + "$" + p[3]));
        assertTrue(hasher.needsRehash("garbage"));
    }
}
