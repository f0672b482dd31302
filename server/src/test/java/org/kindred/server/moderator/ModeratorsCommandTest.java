package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.Role;
import org.kindred.server.store.ModeratorAccount;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;

class ModeratorsCommandTest {
    @TempDir
    Path tmp;

    private record Outcome(int code, String out, String err) {
    }

    private Outcome run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ModeratorsCommand.run(args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String dir() {
        return tmp.resolve("data").toString();
    }

    private Store openStore() {
        return SqliteStore.open(tmp.resolve("data"), StoreConfig.defaults());
    }

    private boolean passwordWorks(String name, String password) {
        try (Store store = openStore()) {
            AccountService accounts = new AccountService(store.accounts(), store.tokens(),
                    new PasswordHasher(), new AuditLog(store.audit(), Clock.systemUTC()), Clock.systemUTC());
            return accounts.verify(name, password).isPresent();
        }
    }

    @Test
    void addReadsThePasswordFromStandardInput() {
        Outcome o = run("first password\r\nignored second line\n", "moderators", "add", "Zoe",
                "--data-dir", dir());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("zoe"));
        assertFalse(o.out().contains("first password"));
        assertFalse(o.err().contains("first password"));
        assertTrue(passwordWorks("zoe", "first password"));
        try (Store store = openStore()) {
            ModeratorAccount zoe = store.accounts().find("zoe").orElseThrow();
            assertEquals(Role.MODERATOR, zoe.role());
            assertEquals("account_created", store.audit().recent(1).get(0).action());
        }
    }

    @Test
    void addCanMakeAnAdminAndRefusesATakenName() {
        assertEquals(0, run("admin password", "add", "amir", "--role", "admin", "--data-dir", dir()).code());
        assertEquals(0, run("other password", "add", "zoe", "--role=moderator", "--data-dir=" + dir()).code());
        Outcome again = run("third password", "add", "AMIR", "--data-dir", dir());
        assertEquals(ModeratorsCommand.REFUSED, again.code());
        assertTrue(again.err().contains("exists"));
        assertTrue(passwordWorks("amir", "admin password"));
        try (Store store = openStore()) {
            assertEquals(Role.ADMIN, store.accounts().find("amir").orElseThrow().role());
        }
    }

    @Test
    void addCanMakeAPeerSupporterWhoIsListedAsSuch() {
        Outcome o = run("supporter password", "add", "kit", "--role", "supporter", "--data-dir", dir());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("supporter kit"), o.out());
        try (Store store = openStore()) {
            assertEquals(Role.SUPPORTER, store.accounts().find("kit").orElseThrow().role());
        }
        assertTrue(passwordWorks("kit", "supporter password"));
        Outcome list = run("", "list", "--data-dir", dir());
        assertTrue(list.out().matches("(?s).*kit\\s+supporter\\s+active.*"), list.out());
    }

    @Test
    void addRefusesAMissingOrWeakPassword() {
        assertEquals(ModeratorsCommand.REFUSED, run("", "add", "zoe", "--data-dir", dir()).code());
        assertEquals(ModeratorsCommand.REFUSED, run("\n", "add", "zoe", "--data-dir", dir()).code());
        Outcome weak = run("short\n", "add", "zoe", "--data-dir", dir());
        assertEquals(ModeratorsCommand.REFUSED, weak.code());
        assertFalse(weak.err().contains("short\n"));
        try (Store store = openStore()) {
            assertTrue(store.accounts().list().isEmpty());
        }
    }

    @Test
    void listShowsEveryAccountAndDisableDisablesOne() {
        run("password one", "add", "zoe", "--data-dir", dir());
        run("password two", "add", "amir", "--role", "admin", "--data-dir", dir());
        Outcome disabled = run("", "disable", "zoe", "--data-dir", dir());
        assertEquals(0, disabled.code(), disabled.err());
        Outcome list = run("", "list", "--data-dir", dir());
        assertEquals(0, list.code());
        String[] lines = list.out().strip().split("\\R");
        assertEquals(3, lines.length, list.out());
        assertTrue(lines[0].matches("NAME +ROLE +STATUS +CREATED"), lines[0]);
        lines = java.util.Arrays.copyOfRange(lines, 1, 3);
        assertTrue(lines[0].startsWith("amir") && lines[0].contains("admin") && lines[0].contains("active"));
        assertTrue(lines[1].startsWith("zoe") && lines[1].contains("moderator")
                && lines[1].contains("disabled"));
        assertFalse(list.out().contains("pbkdf2"), "hashes are not shown");
        assertFalse(passwordWorks("zoe", "password one"));
        assertEquals(0, run("", "enable", "zoe", "--data-dir", dir()).code());
        assertTrue(passwordWorks("zoe", "password one"));
        assertEquals(ModeratorsCommand.REFUSED, run("", "disable", "nobody", "--data-dir", dir()).code());
    }

    @Test
    void anEmptyStoreListsOnlyTheHeader() {
        openStore().close();
        Outcome list = run("", "list", "--data-dir", dir());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().strip().matches("NAME +ROLE +STATUS +CREATED"), list.out());
        assertTrue(list.err().contains("No accounts yet."), list.err());
    }

    @Test
    void aDataDirWithoutADatabaseIsAnErrorExceptForAdd() {
        for (String[] args : new String[][] {{"list"}, {"disable", "zoe"}, {"enable", "zoe"}}) {
            String[] full = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--data-dir", dir())).toArray(String[]::new);
            Outcome o = run("", full);
            assertEquals(ModeratorsCommand.USAGE, o.code(), String.join(" ", args));
            assertTrue(o.err().startsWith("No Kindred database in "), o.err());
            assertEquals("", o.out());
            assertFalse(java.nio.file.Files.exists(tmp.resolve("data").resolve("kindred.db")),
                    "a mistyped --data-dir does not become a fresh empty store");
        }
        Outcome add = run("first password", "add", "zoe", "--data-dir", dir());
        assertEquals(0, add.code(), add.err());
        assertTrue(add.err().contains("creating kindred.db"), add.err());
        assertTrue(passwordWorks("zoe", "first password"));
        Outcome second = run("second password", "add", "amir", "--data-dir", dir());
        assertFalse(second.err().contains("creating"), second.err());
    }

    @Test
    void helpForTheCommandAndEachSubCommandGoesToStandardOutput() {
        for (String[] args : new String[][] {{"--help"}, {"moderators", "-h"}, {"help"}}) {
            Outcome o = run("", args);
            assertEquals(0, o.code());
            assertTrue(o.out().startsWith("usage: java -jar kindred-server.jar moderators add NAME"), o.out());
            assertEquals("", o.err());
        }
        for (String verb : new String[] {"add", "list", "disable", "enable"}) {
            Outcome o = run("", verb, "--help");
            assertEquals(0, o.code(), verb);
            assertTrue(o.out().startsWith("usage: java -jar kindred-server.jar moderators " + verb), o.out());
            assertTrue(o.out().contains("Exit status: 0"), o.out());
            assertFalse(java.nio.file.Files.exists(tmp.resolve("data")), "help touches nothing");
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(ModeratorsCommand.USAGE, run("").code());
        assertEquals(ModeratorsCommand.USAGE, run("", "moderators").code());
        assertEquals(ModeratorsCommand.USAGE, run("", "remove", "zoe").code());
        assertEquals(ModeratorsCommand.USAGE, run("", "add").code());
        assertEquals(ModeratorsCommand.USAGE, run("", "list", "zoe").code());
        assertEquals(ModeratorsCommand.USAGE, run("", "add", "zoe", "--role", "member").code());
        assertEquals(ModeratorsCommand.USAGE, run("", "add", "zoe", "--data-dir").code());
        assertEquals(ModeratorsCommand.USAGE, run("", "disable", "zoe", "--role", "admin").code());
        Outcome unknown = run("", "list", "--verbose");
        assertEquals(ModeratorsCommand.USAGE, unknown.code());
        assertTrue(unknown.err().contains("usage:"));
    }

    @Test
    void anInvalidNameIsRefused() {
        Outcome o = run("password one", "add", "no spaces", "--data-dir", dir());
        assertEquals(ModeratorsCommand.REFUSED, o.code());
    }
}
