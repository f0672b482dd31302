package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.Role;
import org.kindred.server.store.ModeratorAccount;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.PostgresSettings;
import org.kindred.server.store.jdbc.PostgresStore;
import org.kindred.server.testing.PostgresServer;

/**
 * The {@code moderators} admin command on the PostgreSQL store a cluster shares: {@code --database}
 * or {@code KINDRED_DATABASE} with the server's credentials' variables; what it does is what the
 * nodes see.
 */
class ModeratorsCommandPostgresTest {
    private static final String PASSWORD = "a long enough passphrase";

    @TempDir
    Path tmp;

    private PostgresServer pg;
    private String url;

    private record Outcome(int code, String out, String err) {
    }

    @BeforeEach
    void database() {
        pg = PostgresServer.shared();
        url = pg.url(pg.createDatabase());
    }

    private Outcome run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ModeratorsCommand.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Outcome o = new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse((o.out() + o.err()).contains(PostgresServer.PASSWORD), "the database password is never shown");
        return o;
    }

    private Store node() {
        return PostgresStore.open(PostgresSettings.from(url, pg.env()), StoreConfig.defaults());
    }

    @Test
    void addListDisableAndEnableWorkOnTheSharedStore() {
        Outcome added = run(pg.env(), PASSWORD + "\n", "moderators", "add", "Ada", "--role", "admin", "--database", url);
        assertEquals(0, added.code(), added.err());
        assertEquals("Created admin ada.\n", added.out());
        assertFalse(added.err().contains("kindred.db"), "no SQLite file is mentioned: " + added.err());
        assertFalse(Files.exists(tmp.resolve("data")), "nothing is made in a data directory");

        try (Store store = node()) { // a node of the cluster sees the account and its password
            ModeratorAccount ada = store.accounts().find("ada").orElseThrow();
            assertEquals(Role.ADMIN, ada.role());
            AccountService accounts = new AccountService(store.accounts(), store.tokens(), new PasswordHasher(),
                    new AuditLog(store.audit(), Clock.systemUTC()), Clock.systemUTC());
            assertTrue(accounts.verify("ada", PASSWORD).isPresent());
        }

        Map<String, String> env = new HashMap<>(pg.env());
        env.put("KINDRED_DATABASE", url); // as on a node: the variable alone selects the store
        Outcome second = run(env, PASSWORD + "\n", "add", "sam");
        assertEquals(0, second.code(), second.err());
        Outcome list = run(env, "", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("ada") && l.contains("admin") && l.contains("active")),
                list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("sam") && l.contains("moderator")), list.out());

        assertEquals(0, run(env, "", "disable", "sam").code());
        try (Store store = node()) {
            assertTrue(store.accounts().find("sam").orElseThrow().disabled());
        }
        assertEquals(1, run(env, "", "disable", "nobody").code(), "no such account: refused");
        assertEquals(0, run(env, "", "enable", "sam").code());
        try (Store store = node()) {
            assertFalse(store.accounts().find("sam").orElseThrow().disabled());
        }
        assertEquals(1, run(env, PASSWORD + "\n", "add", "sam").code(), "name taken");
    }

    @Test
    void aDataDirectoryGivenExplicitlyWinsOverTheVariableButNotAlongsideTheFlag() {
        Map<String, String> env = new HashMap<>(pg.env());
        env.put("KINDRED_DATABASE", url);
        Outcome local = run(env, PASSWORD + "\n", "add", "lee", "--data-dir", tmp.resolve("data").toString());
        assertEquals(0, local.code(), local.err());
        assertTrue(Files.exists(tmp.resolve("data").resolve("kindred.db")), "the SQLite store of that directory");
        try (Store store = node()) {
            assertTrue(store.accounts().find("lee").isEmpty(), "not in PostgreSQL");
        }
        Outcome both = run(pg.env(), "", "list", "--data-dir", tmp.toString(), "--database", url);
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("--data-dir and --database name two different stores; give one."), both.err());
    }

    @Test
    void aBadUrlOrMissingCredentialsAreAUsageErrorThatNeverShowsThePassword() {
        Outcome bad = run(pg.env(), "", "list", "--database", "mysql://db/kindred");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("database: mysql://db/kindred (expected: a PostgreSQL JDBC URL"), bad.err());
        Outcome withPassword = run(Map.of(), "", "list", "--database", url + "?password=" + PostgresServer.PASSWORD);
        assertEquals(2, withPassword.code());
        assertTrue(withPassword.err().startsWith("database: a URL that carries a password"), withPassword.err());
        Outcome refused = run(Map.of("KINDRED_DATABASE_USER", PostgresServer.USER, "KINDRED_DATABASE_PASSWORD", "wrong"),
                "", "list", "--database", url);
        assertEquals(3, refused.code(), "the store failed: " + refused.err());
        assertTrue(refused.err().startsWith("The store failed: could not connect to the database"), refused.err());
    }
}
