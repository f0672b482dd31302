package org.kindred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.moderator.Fingerprinter;

/**
 * {@code --secret-key-file} / {@code KINDRED_SECRET_KEY_FILE}: nodes given the same file (each with
 * its own data directory) fingerprint an address identically, so network bans hold across them;
 * a bad file stops the start with one line that never shows the secret.
 */
class SecretKeyFileTest {
    private static final byte[] SECRET = HexFormat.of().parseHex(
            "5f0c2a9e7b3d41e6a8c1f09d2b7e4a6c3d8f1e0b9a2c7d4e6f1a3b5c7d9e0f12");
    private static final String SECRET_HEX = HexFormat.of().formatHex(SECRET);

    @TempDir
    Path dir;

    private KindredConfig config(String dataDir, Map<String, String> env, String... argv) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve(dataDir).toString()));
        args.addAll(List.of(argv));
        return ConfigLoader.load(ConfigLoader.Args.parse(args.toArray(String[]::new)), env).config();
    }

    private StoreServices node(KindredConfig config) {
        return StoreServices.open(config, JsonNodeFactory.instance.objectNode());
    }

    @Test
    void twoNodesGivenTheSameFileFingerprintAnAddressIdentically() throws Exception {
        Path shared = dir.resolve("fingerprint.key");
        Files.writeString(shared, SECRET_HEX + "\n"); // as made by: openssl rand -hex 32 > fingerprint.key
        InetAddress v4 = InetAddress.getByName("203.0.113.7");
        InetAddress v6 = InetAddress.getByName("2001:db8:1:2::99");
        try (StoreServices a = node(config("a", Map.of(), "--secret-key-file", shared.toString()));
             StoreServices b = node(config("b", Map.of("KINDRED_SECRET_KEY_FILE", shared.toString())))) {
            assertEquals(a.fingerprinter().fingerprint(v4), b.fingerprinter().fingerprint(v4));
            assertEquals(a.fingerprinter().fingerprint(v6), b.fingerprinter().fingerprint(v6));
            assertEquals(new Fingerprinter(SECRET).fingerprint(v4), a.fingerprinter().fingerprint(v4), "the file's secret");
            assertFalse(Files.exists(dir.resolve("a").resolve(Fingerprinter.SECRET_FILE)), "no secret of its own");
        }
        Path raw = dir.resolve("raw.key");
        Files.write(raw, SECRET); // 32 raw bytes, as a node's own secret.key
        try (StoreServices c = node(config("c", Map.of(), "--secret-key-file=" + raw))) {
            assertEquals(new Fingerprinter(SECRET).fingerprint(v4), c.fingerprinter().fingerprint(v4));
        }
    }

    @Test
    void withoutTheSettingEachDataDirectoryHasItsOwnSecretAndFingerprintsDiffer() throws Exception {
        assertNull(config("a", Map.of()).secretKeyFile());
        InetAddress addr = InetAddress.getByName("203.0.113.7");
        try (StoreServices a = node(config("a", Map.of())); StoreServices b = node(config("b", Map.of()))) {
            assertNotEquals(a.fingerprinter().fingerprint(addr), b.fingerprinter().fingerprint(addr),
                    "why a cluster needs the shared file");
        }
    }

    private String firstLine(Map<String, String> env, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString(),
                "--host", "127.0.0.1", "--port", "0"));
        args.addAll(List.of(argv));
        int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Main.run(args.toArray(String[]::new), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertFalse(all.contains(SECRET_HEX.substring(0, 16)), "the secret is never shown: " + all);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "one line: " + lines);
        return code + " " + lines.get(0);
    }

    @Test
    void aMissingOrMalformedFileStopsTheStartWithOneLineThatNeverShowsTheSecret() throws Exception {
        Path missing = dir.resolve("nope.key");
        String line = firstLine(Map.of(), "--secret-key-file", missing.toString());
        assertEquals("2 kindred: secretKeyFile: " + missing + " (no such file; expected: a readable file of 32 random"
                + " bytes, or of 64 hex characters, the same on every node) (set by --secret-key-file)", line);

        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, SECRET_HEX.substring(0, 62) + "\n");
        String env = firstLine(Map.of("KINDRED_SECRET_KEY_FILE", shortKey.toString()));
        assertTrue(env.startsWith("2 kindred: secretKeyFile: " + shortKey + " (63 bytes that are neither 32 raw bytes"
                + " nor 64 hex characters; expected: "), env);
        assertTrue(env.endsWith("(set by KINDRED_SECRET_KEY_FILE)"), env);

        Path zeros = dir.resolve("zeros.key");
        Files.write(zeros, new byte[32]);
        String zeroLine = firstLine(Map.of(), "--secret-key-file", zeros.toString());
        assertTrue(zeroLine.startsWith("2 kindred: secretKeyFile: " + zeros + " (the same byte 32 times, not a random"
                + " secret; expected: "), zeroLine);
        Path placeholder = dir.resolve("placeholder.key");
        Files.writeString(placeholder, "0".repeat(64) + "\n");
        String placeholderLine = firstLine(Map.of(), "--secret-key-file", placeholder.toString());
        assertTrue(placeholderLine.contains("(the same byte 32 times, not a random secret;"), placeholderLine);

        String dirLine = firstLine(Map.of(), "--secret-key-file", dir.toString());
        assertTrue(dirLine.startsWith("2 kindred: secretKeyFile: " + dir + " (not a regular file;"), dirLine);
    }

    @Test
    void theSecretNeverReachesTheLog() throws Exception {
        Path shared = dir.resolve("fingerprint.key");
        Files.writeString(shared, SECRET_HEX);
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        try (StoreServices a = node(config("a", Map.of(), "--secret-key-file", shared.toString()))) {
            a.fingerprinter().fingerprint(InetAddress.getByName("203.0.113.7"));
        } finally {
            root.detachAppender(appender);
        }
        String all = appender.list.stream().map(e -> e.getFormattedMessage()).reduce("", (x, y) -> x + "\n" + y);
        assertFalse(appender.list.isEmpty(), "the node logged its start");
        assertFalse(all.contains(SECRET_HEX.substring(0, 16)) || all.contains(SECRET_HEX.substring(40)), all);
    }
}
