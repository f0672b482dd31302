package org.kindred.server.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Seals a staff session's credential (the hex SHA-256 digest of its login token, 64 characters)
 * with the session's resume token, for the record another node may resume it from: the record
 * (in Redis, keyed by the token's hash) then holds nothing that signs anyone in, and only a
 * {@code hello} presenting the resume token itself opens it. The pad is SHA-256 of a label and
 * the token (unrelated to the token's hash that keys the record); each token seals one
 * credential. A seal opened with another token, or altered, gives a digest the store does not
 * know, so it grants nothing. Stateless.
 */
public final class StaffSeal {
    private static final byte[] LABEL = "kindred staff seal\u0000".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private StaffSeal() {
    }

    /** {@code credential} (64 hex characters) sealed with {@code token}: 64 hex characters; null for null or another shape. */
    public static String seal(String credential, String token) {
        if (credential == null || token == null || credential.length() != 64) {
            return null;
        }
        return HEX.formatHex(xor(HEX.parseHex(credential), token));
    }

    /**
     * What {@link #seal} sealed with {@code token}; null when {@code sealed} is null or not 64 hex
     * characters.
     */
    public static String open(String sealed, String token) {
        if (sealed == null || token == null || sealed.length() != 64) {
            return null;
        }
        try {
            return HEX.formatHex(xor(HEX.parseHex(sealed), token));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] xor(byte[] value, String token) {
        if (value.length != 32) {
            throw new IllegalArgumentException("credential: " + value.length + " bytes (expected: 32)");
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(LABEL);
            byte[] pad = d.digest(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[32];
            for (int i = 0; i < 32; i++) {
                out[i] = (byte) (value[i] ^ pad[i]);
            }
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
