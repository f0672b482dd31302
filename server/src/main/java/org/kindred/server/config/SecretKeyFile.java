package org.kindred.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The network fingerprint secret shared by every node of a cluster ({@code --secret-key-file} /
 * {@code KINDRED_SECRET_KEY_FILE}): a file holding 32 random bytes, either raw (as a node writes
 * {@code secret.key} in its data directory) or as 64 hexadecimal characters (e.g. made with
 * {@code openssl rand -hex 32}), a trailing line break allowed. Every node must be given the
 * same file, or a ban by network fingerprint made on one node does not hold on another. Neither
 * the content nor any part of it ever appears in an error or a log line.
 */
public final class SecretKeyFile {
    /** The secret's length, bytes. */
    public static final int BYTES = 32;
    private static final long MAX_FILE_BYTES = 1024;
    private static final String EXPECTED = "a readable file of 32 random bytes, or of 64 hex characters,"
            + " the same on every node";

    private SecretKeyFile() {
    }

    /**
     * Reads and checks the secret.
     *
     * @param file the file named by the setting
     * @return the 32 bytes of the secret (a new array)
     * @throws ConfigException {@code secretKeyFile: <path> (<problem>; expected: …)}, never showing the content
     */
    public static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw problem(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        byte[] raw;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw problem(file, "too long");
            }
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw problem(file, "cannot be read: " + e.getClass().getSimpleName());
        }
        byte[] key = null;
        if (raw.length == BYTES) {
            key = raw;
        } else {
            String text = new String(raw, StandardCharsets.US_ASCII).strip();
            if (text.length() == 2 * BYTES && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                key = HexFormat.of().parseHex(text);
            }
        }
        if (key == null) {
            throw problem(file, raw.length + " bytes that are neither 32 raw bytes nor 64 hex characters");
        }
        if (oneByteRepeated(key)) {
            throw problem(file, "the same byte 32 times, not a random secret");
        }
        return key;
    }

    /** A key of one repeated byte (all zeros, "aaaa…") is a placeholder, never a random secret. */
    private static boolean oneByteRepeated(byte[] key) {
        for (byte b : key) {
            if (b != key[0]) {
                return false;
            }
        }
        return true;
    }

    private static ConfigException problem(Path file, String what) {
        return new ConfigException("secretKeyFile: " + file + " (" + what + "; expected: " + EXPECTED + ")");
    }
}
