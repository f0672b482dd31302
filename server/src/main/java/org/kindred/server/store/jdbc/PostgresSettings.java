package org.kindred.server.store.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
    public static final String USER_ENV = org.kindred.server.config.DatabaseUrl.USER_ENV;
    /** The database password itself. */
    public static final String PASSWORD_ENV = org.kindred.server.config.DatabaseUrl.PASSWORD_ENV;
    /** A file holding the database password (one line; a trailing line break is ignored). */
    public static final String PASSWORD_FILE_ENV = org.kindred.server.config.DatabaseUrl.PASSWORD_FILE_ENV;

    /**
     * The settings for {@code url} with the credentials in {@code env}.
     *
     * @throws IllegalArgumentException one line naming the URL's or variable's problem (never the
     *     password) with {@code (expected: …)}
     */
    public static PostgresSettings from(String url, Map<String, String> env) {
        String problem = org.kindred.server.config.DatabaseUrl.problem(url);
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
