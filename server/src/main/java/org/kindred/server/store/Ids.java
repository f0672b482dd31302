package org.kindred.server.store;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque random identifiers: a short type prefix and 96 random bits, URL-safe. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    /** E.g. {@code newId("ban")} → {@code "ban_q3X0aZ8c1kLm2Nop"}. */
    public static String newId(String prefix) {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return prefix + "_" + B64.encodeToString(b);
    }
}
