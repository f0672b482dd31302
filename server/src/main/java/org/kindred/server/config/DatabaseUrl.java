package org.kindred.server.config;

import java.util.Properties;

/**
 * Checks the PostgreSQL JDBC URL of {@code --database} / {@code KINDRED_DATABASE} at start-up,
 * without connecting, and names the environment variables that carry its credentials. Lives in
 * {@code config} so that configuration errors are found with the others (one line, exit 2) and
 * the store depends on configuration, never the other way round.
 */
public final class DatabaseUrl {
    /** The database user. */
    public static final String USER_ENV = "KINDRED_DATABASE_USER";
    /** The database password itself. */
    public static final String PASSWORD_ENV = "KINDRED_DATABASE_PASSWORD";
    /** A file holding the database password (one line; a trailing line break is ignored). */
    public static final String PASSWORD_FILE_ENV = "KINDRED_DATABASE_PASSWORD_FILE";
    private static final String PREFIX = "jdbc:postgresql:";

    private DatabaseUrl() {
    }

    /**
     * Checks a database URL without connecting.
     *
     * @param url the value of {@code --database} / {@code KINDRED_DATABASE}
     * @return null when it is a usable PostgreSQL URL, otherwise the rest of a one-line config
     *     error after {@code "database: "}: the value (unless it carries a password) and
     *     {@code (expected: …)}
     */
    public static String problem(String url) {
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
            return ConfigErrors.show(url)
                    + " (expected: a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/kindred)";
        }
        return null;
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

}
