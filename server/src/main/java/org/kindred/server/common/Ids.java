package org.kindred.server.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Random identifiers and tokens. Member ids and tokens are unrelated to anything about the person. */
public final class Ids {
    private static final SecureRandom SECURE = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    /** A member id: 72 random bits, e.g. {@code u_Zk3...}. */
    public static String member() {
        return "u_" + secure(9);
    }

    /** A resume token: 256 random bits. Only its {@link #hash(String)} is kept. */
    public static String token() {
        return secure(32);
    }

    /** An id for something that needs to be unique but not secret (messages, reports …). */
    public static String of(String prefix) {
        byte[] b = new byte[9];
        ThreadLocalRandom.current().nextBytes(b);
        return prefix + B64.encodeToString(b);
    }

    public static String secure(int bytes) {
        byte[] b = new byte[bytes];
        SECURE.nextBytes(b);
        return B64.encodeToString(b);
    }

    /** A durable record's id: a short type prefix and 96 random bits, e.g. {@code ban_q3X0aZ8c1kLm2Nop}. */
    public static String newId(String prefix) {
        return prefix + "_" + secure(12);
    }

    /** SHA-256 of a token, base64url; tokens are looked up by this so they are never held in clear. */
    public static String hash(String token) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return B64.encodeToString(d.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
