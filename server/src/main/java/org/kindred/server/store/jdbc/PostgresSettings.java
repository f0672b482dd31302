package org.kindred.server.store.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the PostgreSQL store is and how to sign in: the JDBC URL from {@code --database} or
 * {@code KINDRED_DATABASE}, the user and password from the environment only
 * ({@value #USER_ENV}, {@value #PASSWORD_ENV} or {@value #PASSWORD_FILE_ENV}), so they never
 * appear in a configuration file, a command line or the process list. Neither the password nor
 * a URL carrying one is ever logged or put in an error message; {@link #toString()} hides it.
 *
 * @param url      a {@code jdbc:postgresql:} URL without a password
 * @param user     the database user, or null for the driver's default
 * @param password the password, or null
 */
public record PostgresSettings(String url, String user, String password) {
    /** The database user. */
    public static final String USER_ENV = "KINDRED_DATABASE_USER";
    /** The database password itself. */
    public static final String PASSWORD_ENV = "KINDRED_DATABASE_PASSWORD";
    /** A file holding the database password (one line; a trailing line break is ignored). */
    public static final String PASSWORD_FILE_ENV = "KINDRED_DATABASE_PASSWORD_FILE";
    private static final String PREFIX = "jdbc:postgresql:";

    /**
     * Checks a database URL without connecting.
     *
     * @param url the value of {@code --database} / {@code KINDRED_DATABASE}
     * @return null when it is a usable PostgreSQL URL, otherwise the rest of a one-line config
     *     error after {@code "database: "}: the value (unless it carries a password) and
     *     {@code (expected: …)}
     */
    public static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "empty (expected: a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/kindred)";
        }
        Properties parsed = url.startsWith(PREFIX) && wellFormed(url) ? parse(url) : null;
        if (parsed != null && parsed.getProperty("password") != null || url.contains("password=")
                || url.matches("(?s)[a-z:]*//[^/@?]*:[^/@?]*@.*")) {
            return "a URL that carries a password (expected: the URL without it, and the password in "
                    + PASSWORD_ENV + " or " + PASSWORD_FILE_ENV + ")";
        }
        if (parsed == null || !wellFormed(url)) {
            return org.kindred.server.config.ConfigErrors.show(url)
                    + " (expected: a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/kindred)";
        }
        return null;
    }

    /**
     * The settings for {@code url} with the credentials in {@code env}.
     *
     * @throws IllegalArgumentException one line naming the URL's or variable's problem (never the
     *     password) with {@code (expected: …)}
     */
    public static PostgresSettings from(String url, Map<String, String> env) {
        String problem = urlProblem(url);
        if (problem != null) {
            throw new IllegalArgumentException("database: " + problem);
        }
        String user = blankToNull(env.get(USER_ENV));
        String password = env.get(PASSWORD_ENV);
        String file = blankToNull(env.get(PASSWORD_FILE_ENV));
        if (password != null && file != null) {
            throw new IllegalArgumentException(PASSWORD_ENV + " and " + PASSWORD_FILE_ENV
                    + ": both set (expected: one of them)");
        }
        if (file != null) {
            try {
                password = Files.readString(Path.of(file), StandardCharsets.UTF_8).replaceFirst("\\r?\\n\\z", "");
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(PASSWORD_FILE_ENV + ": cannot read "
                        + org.kindred.server.config.ConfigErrors.show(file)
                        + " (expected: a readable file holding the database password)");
            }
        }
        return new PostgresSettings(url, user, password);
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + url + ", user=" + user + ", password="
                + (password == null ? "none" : "(hidden)") + "]";
    }

    /**
     * {@code jdbc:postgresql://HOST[:PORT][,HOST[:PORT]…]/DATABASE[?…]} or
     * {@code jdbc:postgresql:DATABASE[?…]}, hosts being names or bracketed IPv6 addresses and
     * ports 1..65535; checked before the driver parses it (the driver logs its own complaints).
     */
    private static boolean wellFormed(String url) {
        java.util.regex.Matcher m = SHAPE.matcher(url);
        if (!m.matches()) {
            return false;
        }
        java.util.regex.Matcher port = PORT.matcher(m.group(1) == null ? "" : m.group(1));
        while (port.find()) {
            int n = Integer.parseInt(port.group(1));
            if (n < 1 || n > 65_535) {
                return false;
            }
        }
        return true;
    }

    private static final String HOST = "(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::\\d{1,5})?";
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(
            "jdbc:postgresql:(?://(" + HOST + "(?:," + HOST + ")*)/)?[A-Za-z0-9_.$-]+(?:\\?[^\\s#]*)?");
    private static final java.util.regex.Pattern PORT = java.util.regex.Pattern.compile(":(\\d{1,5})(?=,|$)");

    private static Properties parse(String url) {
        try {
            return org.postgresql.Driver.parseURL(url, new Properties());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
