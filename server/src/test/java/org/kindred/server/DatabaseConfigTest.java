package org.kindred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
import org.kindred.server.store.jdbc.PostgresSettings;

/**
 * {@code --database} / {@code KINDRED_DATABASE} and the credentials' variables: what selects the
 * PostgreSQL store, and that every mistake stops the start with one line that never shows a password.
 */
class DatabaseConfigTest {
    private static final String URL = "jdbc:postgresql://db.example.org:5432/kindred";
    private static final String SECRET = "hunter2-very-secret";

    @TempDir
    Path dir;

    private String firstLine(Map<String, String> env, String... argv) throws Exception {
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
        assertFalse(lines.get(0).contains("Exception") || lines.get(0).contains("\tat "), lines.get(0));
        return code + " " + lines.get(0);
    }

    @Test
    void withoutADatabaseTheStoreIsSqliteAndTheFlagOrVariableSelectsPostgres() {
        assertNull(ConfigLoader.load(ConfigLoader.Args.parse(new String[0]), Map.of()).config().database());
        assertEquals(URL, ConfigLoader.load(ConfigLoader.Args.parse(new String[] {"--database", URL}), Map.of())
                .config().database());
        assertEquals(URL, ConfigLoader.load(ConfigLoader.Args.parse(new String[0]),
                Map.of("KINDRED_DATABASE", URL)).config().database());
        assertEquals(URL, ConfigLoader.load(ConfigLoader.Args.parse(new String[] {"--database=" + URL}),
                Map.of("KINDRED_DATABASE", "jdbc:postgresql://other/db")).config().database(), "the flag wins");
        ConfigLoader.load(ConfigLoader.Args.parse(new String[0]), Map.of("KINDRED_DATABASE_USER", "k",
                "KINDRED_DATABASE_PASSWORD", SECRET, "KINDRED_DATABASE_PASSWORD_FILE", "/x")); // known names
    }

    @Test
    void aUrlThatIsNotPostgresIsOneLine() throws Exception {
        String line = firstLine(Map.of(), "--database", "mysql://db/kindred");
        assertTrue(line.startsWith("2 kindred: database: mysql://db/kindred (expected: a PostgreSQL JDBC URL"), line);
        assertTrue(line.endsWith("(set by --database)"), line);
        String env = firstLine(Map.of("KINDRED_DATABASE", "jdbc:postgresql://[::1/kindred"));
        assertTrue(env.startsWith("2 kindred: database: "), env);
        assertTrue(env.endsWith("(set by KINDRED_DATABASE)"), env);
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutShowingIt() throws Exception {
        for (String url : new String[] {URL + "?user=k&password=" + SECRET, "jdbc:postgresql://k:" + SECRET + "@db/kindred",
                "postgresql://k:" + SECRET + "@db/kindred"}) {
            String line = firstLine(Map.of("KINDRED_DATABASE", url));
            assertTrue(line.startsWith("2 kindred: database: a URL that carries a password (expected: the URL without it,"
                    + " and the password in KINDRED_DATABASE_PASSWORD or KINDRED_DATABASE_PASSWORD_FILE)"), line);
        }
    }

    @Test
    void credentialsComeFromTheEnvironmentOrAFile() throws Exception {
        assertEquals(new PostgresSettings(URL, "kindred", SECRET),
                PostgresSettings.from(URL, Map.of("KINDRED_DATABASE_USER", "kindred", "KINDRED_DATABASE_PASSWORD", SECRET)));
        Path file = dir.resolve("pw");
        Files.writeString(file, SECRET + "\n");
        PostgresSettings fromFile = PostgresSettings.from(URL, Map.of("KINDRED_DATABASE_PASSWORD_FILE", file.toString()));
        assertEquals(SECRET, fromFile.password(), "one line, its line break dropped");
        assertNull(fromFile.user());
        assertFalse(fromFile.toString().contains(SECRET), fromFile.toString());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> PostgresSettings.from(URL,
                Map.of("KINDRED_DATABASE_PASSWORD", SECRET, "KINDRED_DATABASE_PASSWORD_FILE", file.toString())));
        assertEquals("KINDRED_DATABASE_PASSWORD and KINDRED_DATABASE_PASSWORD_FILE: both set (expected: one of them)",
                both.getMessage());
    }

    @Test
    void anUnreadablePasswordFileStopsTheStartBeforeAnythingOpens() throws Exception {
        String line = firstLine(Map.of("KINDRED_DATABASE", URL, "KINDRED_DATABASE_PASSWORD_FILE",
                dir.resolve("missing").toString()));
        assertTrue(line.startsWith("2 kindred: KINDRED_DATABASE_PASSWORD_FILE: cannot read "), line);
        assertTrue(line.endsWith("(expected: a readable file holding the database password)"), line);
        assertFalse(Files.exists(dir.resolve("data").resolve("kindred.db")));
    }

    @Test
    void aMistypedVariableIsRefusedWithASuggestion() throws Exception {
        String line = firstLine(Map.of("KINDRED_DATABASE_PASWORD", SECRET));
        assertTrue(line.contains("KINDRED_DATABASE_PASWORD: unknown key, did you mean 'KINDRED_DATABASE_PASSWORD'?"),
                line);
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneLine() throws Exception {
        String line = firstLine(Map.of("KINDRED_DATABASE", "jdbc:postgresql://127.0.0.1:1/kindred",
                "KINDRED_DATABASE_PASSWORD", SECRET));
        assertTrue(line.startsWith("1 kindred: could not start: could not connect to the database: "), line);
    }
}
