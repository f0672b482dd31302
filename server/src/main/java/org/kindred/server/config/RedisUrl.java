package org.kindred.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the Redis URL of {@code --redis} / {@code KINDRED_REDIS} at start-up, without
 * connecting, and finds the password. The URL is {@code redis://HOST[:PORT][/DB]} (or
 * {@code rediss://} for TLS), optionally with {@code USER:PASSWORD@} or {@code :PASSWORD@} before
 * the host; the password may instead come from {@link #PASSWORD_ENV} or a file named by
 * {@link #PASSWORD_FILE_ENV}. A URL that carries a password is never echoed in an error, and
 * nothing here is logged.
 */
public final class RedisUrl {
    /** The Redis password itself (when the URL carries none). */
    public static final String PASSWORD_ENV = "KINDRED_REDIS_PASSWORD";
    /** A file holding the Redis password (one line; a trailing line break is ignored). */
    public static final String PASSWORD_FILE_ENV = "KINDRED_REDIS_PASSWORD_FILE";
    private static final String EXPECTED = "a Redis URL such as redis://redis.example.org:6379 or"
            + " rediss://redis.example.org:6380/0";
    private static final Pattern SHAPE = Pattern.compile(
            "rediss?://(?:([^:@/\\s]*)(?::([^@/\\s]*))?@)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?"
                    + "(?:/(\\d{1,2}))?/?");

    private RedisUrl() {
    }

    /**
     * Checks a Redis URL without connecting.
     *
     * @param url the value of {@code --redis} / {@code KINDRED_REDIS}
     * @return null when usable, otherwise the rest of a one-line config error after
     *     {@code "redis: "}: the value (unless it may carry a password) and {@code (expected: …)}
     */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "empty (expected: " + EXPECTED + ")";
        }
        Matcher m = SHAPE.matcher(url);
        boolean secret = url.contains("@");
        if (!m.matches()) {
            return (secret ? "a URL that could not be read (not shown: it may carry a password)"
                    : ConfigErrors.show(url)) + " (expected: " + EXPECTED + ")";
        }
        if (m.group(4) != null) {
            int port = Integer.parseInt(m.group(4));
            if (port < 1 || port > 65_535) {
                return (secret ? "a URL with port " + port : ConfigErrors.show(url))
                        + " (expected: a port 1..65535 in " + EXPECTED + ")";
            }
        }
        if (m.group(5) != null && Integer.parseInt(m.group(5)) > 15) {
            return (secret ? "a URL with database " + m.group(5) : ConfigErrors.show(url))
                    + " (expected: a database 0..15 in " + EXPECTED + ")";
        }
        return null;
    }

    /**
     * The password to send: the URL's own, else {@link #PASSWORD_ENV}, else the first line of the
     * file {@link #PASSWORD_FILE_ENV} names; null when none is set.
     *
     * @throws ConfigException when the file cannot be read, or both variables are set
     */
    public static String password(String url, Map<String, String> env) {
        Matcher m = SHAPE.matcher(url == null ? "" : url);
        if (m.matches() && m.group(2) != null && !m.group(2).isEmpty()) {
            return null; // the URL's own; the client reads it from there
        }
        String direct = env.get(PASSWORD_ENV);
        String file = env.get(PASSWORD_FILE_ENV);
        if (direct != null && file != null) {
            throw new ConfigException(PASSWORD_ENV + ": set together with " + PASSWORD_FILE_ENV
                    + " (expected: one of them)");
        }
        if (direct != null) {
            return direct;
        }
        if (file == null) {
            return null;
        }
        try {
            String s = Files.readString(Path.of(file));
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).stripTrailing();
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(PASSWORD_FILE_ENV + ": " + ConfigErrors.show(file)
                    + " could not be read (expected: a readable file holding the Redis password)");
        }
    }
}
