package org.kindred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.RedisUrl;

/**
 * {@code --redis} / {@code KINDRED_REDIS} and the password's variables: what selects the Redis
 * engines, and that every mistake stops the start with one line that never shows a password.
 */
class RedisConfigTest {
    private static final String URL = "redis://redis.example.org:6379";
    private static final String SECRET = "hunter2-very-secret";

    @TempDir
    Path dir;

    private String firstLine(Map<String, String> env, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString(),
                "--host", "127.0.0.1", "--port", "0"));
        args.addAll(List.of(argv));
        int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Main.run(args.toArray(String[]::new), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertFalse(all.contains(SECRET), "the password is never shown: " + all);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "one line: " + lines);
        return code + " " + lines.get(0);
    }

    @Test
    void withoutRedisOneNodeRunsInMemoryAndTheFlagOrVariableSelectsRedis() {
        assertNull(ConfigLoader.load(ConfigLoader.Args.parse(new String[0]), Map.of()).config().redis());
        assertEquals(URL, ConfigLoader.load(ConfigLoader.Args.parse(new String[] {"--redis", URL}), Map.of())
                .config().redis());
        assertEquals(URL, ConfigLoader.load(ConfigLoader.Args.parse(new String[0]), Map.of("KINDRED_REDIS", URL))
                .config().redis());
        assertEquals(URL, ConfigLoader.load(ConfigLoader.Args.parse(new String[] {"--redis=" + URL}),
                Map.of("KINDRED_REDIS", "redis://other:1")).config().redis(), "the flag wins");
        ConfigLoader.load(ConfigLoader.Args.parse(new String[0]), Map.of("KINDRED_REDIS_PASSWORD", "x",
                "KINDRED_REDIS_PASSWORD_FILE", "/nowhere")); // known variables, not settings
    }

    @Test
    void aBadUrlStopsTheStartWithOneLineNamingWhatWasExpected() {
        assertEquals("2 kindred: redis: http://redis.example.org (expected: a Redis URL such as"
                + " redis://redis.example.org:6379 or rediss://redis.example.org:6380/0) (set by --redis)",
                firstLine(Map.of(), "--redis", "http://redis.example.org"));
        assertEquals("2 kindred: redis: redis://h:70000 (expected: a port 1..65535 in a Redis URL such as"
                + " redis://redis.example.org:6379 or rediss://redis.example.org:6380/0) (set by KINDRED_REDIS)",
                firstLine(Map.of("KINDRED_REDIS", "redis://h:70000")));
        String secretBad = firstLine(Map.of(), "--redis", "redis://:" + SECRET + "@h:99999");
        assertTrue(secretBad.startsWith("2 kindred: redis: a URL with port 99999 (expected:"), secretBad);
        String unreadable = firstLine(Map.of(), "--redis", "redis://:" + SECRET + "@bad host");
        assertTrue(unreadable.contains("not shown"), unreadable);
        assertTrue(RedisUrl.problem("redis://[::1]:6379/2") == null);
        assertTrue(RedisUrl.problem("rediss://user:pw@cache.internal") == null);
        assertTrue(RedisUrl.problem("").startsWith("empty (expected:"));
    }

    @Test
    void thePasswordComesFromTheUrlTheVariableOrTheFileAndNeverTwoVariables() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), SECRET + "\n");
        assertNull(RedisUrl.password("redis://:inurl@h:1", Map.of(RedisUrl.PASSWORD_ENV, "other")),
                "the URL's own is used by the client");
        assertEquals(SECRET, RedisUrl.password(URL, Map.of(RedisUrl.PASSWORD_ENV, SECRET)));
        assertEquals(SECRET, RedisUrl.password(URL, Map.of(RedisUrl.PASSWORD_FILE_ENV, file.toString())));
        assertNull(RedisUrl.password(URL, Map.of()));
        assertEquals("2 kindred: KINDRED_REDIS_PASSWORD: set together with KINDRED_REDIS_PASSWORD_FILE"
                + " (expected: one of them)", firstLine(Map.of(RedisUrl.PASSWORD_ENV, SECRET,
                        RedisUrl.PASSWORD_FILE_ENV, file.toString()), "--redis", URL));
        String missing = firstLine(Map.of(RedisUrl.PASSWORD_FILE_ENV, dir.resolve("none").toString()),
                "--redis", URL);
        assertTrue(missing.startsWith("2 kindred: KINDRED_REDIS_PASSWORD_FILE: "), missing);
        assertTrue(missing.endsWith("(expected: a readable file holding the Redis password)"), missing);
    }
}
