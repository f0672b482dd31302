package org.kindred.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.StoreContractTest;

/** The store contract on SQLite, plus what is particular to SQLite. */
class SqliteStoreContractTest extends StoreContractTest {
    @TempDir
    Path tmp;

    private Path dataDir() {
        return tmp.resolve("data");
    }

    @Override
    protected Store openFresh(StoreConfig config) {
        return SqliteStore.open(dataDir(), config);
    }

    @Override
    protected Store reopen(StoreConfig config) {
        return SqliteStore.open(dataDir(), config);
    }

    @Test
    void usesWalWithFullSyncAndForeignKeys() {
        SqliteStore s = (SqliteStore) store;
        assertEquals("wal", s.pragma("journal_mode"));
        assertEquals("2", s.pragma("synchronous"), "FULL");
        assertEquals("1", s.pragma("foreign_keys"));
        assertTrue(Files.isRegularFile(dataDir().resolve(SqliteStore.DB_FILE)));
    }

    @Test
    void aNewDataDirectoryAndItsDatabaseAreReadableByTheOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "this file system has no POSIX permissions, so there is nothing to check");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir())));
        store.accounts(); // the store is open: the -wal and -shm files exist in WAL mode
        for (String name : new String[] {SqliteStore.DB_FILE, SqliteStore.DB_FILE + "-wal",
                SqliteStore.DB_FILE + "-shm"}) {
            Path f = dataDir().resolve(name);
            assertTrue(Files.exists(f), name);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), name);
        }
    }

    @Test
    void aDatabaseReadableByOthersIsRestrictedWhenOpened() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "this file system has no POSIX permissions, so there is nothing to check");
        store.close();
        Path db = dataDir().resolve(SqliteStore.DB_FILE);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        store = reopen(CONFIG);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    }

    /** The online backup the README documents: {@code VACUUM INTO} from another connection while the store is open. */
    @Test
    void anOnlineBackupTakenWhileTheStoreIsOpenIsAWorkingStore() throws Exception {
        store.accounts().insertIfAbsent(new org.kindred.server.store.ModeratorAccount("zoe",
                org.kindred.protocol.Role.MODERATOR, "hash-of-zoe", false, 1L));
        Path backup = tmp.resolve("backup").resolve(SqliteStore.DB_FILE);
        Files.createDirectories(backup.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir().resolve(SqliteStore.DB_FILE));
             Statement st = c.createStatement()) {
            st.execute("VACUUM INTO '" + backup + "'");
        }
        store.accounts().insertIfAbsent(new org.kindred.server.store.ModeratorAccount("amir",
                org.kindred.protocol.Role.MODERATOR, "hash-of-amir", false, 2L)); // the live store goes on
        try (Store restored = SqliteStore.open(backup.getParent(), CONFIG)) {
            assertTrue(restored.accounts().find("zoe").isPresent(), "the backup holds what was committed");
            assertTrue(restored.accounts().find("amir").isEmpty(), "and nothing written after it");
        }
    }

    @Test
    void migrationsAreRecordedAndNotRepeated() throws Exception {
        store.close();
        store = reopen(CONFIG);
        store.close();
        String url = "jdbc:sqlite:" + dataDir().resolve(SqliteStore.DB_FILE);
        try (Connection c = DriverManager.getConnection(url);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"
                             + " ORDER BY installed_rank")) {
            for (String version : new String[] {"1", "2", "3", "4", "5"}) {
                assertTrue(rs.next(), "migration " + version);
                assertEquals(version, rs.getString(1));
                assertEquals(1, rs.getInt(2));
            }
            assertTrue(!rs.next(), "each migration applied once");
        }
        store = reopen(CONFIG);
    }

    /**
     * A database written before the PostgreSQL store existed (schema version 2, the same
     * {@code db/migration/sqlite} folder) opens, keeps its rows and gains version 3.
     */
    @Test
    void aVersion2DatabaseOpensAndIsMigratedWithItsData() throws Exception {
        store.close();
        Path old = tmp.resolve("old");
        Files.createDirectories(old);
        String url = "jdbc:sqlite:" + old.resolve(SqliteStore.DB_FILE);
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl(url);
        org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite")
                .target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO moderator_account (name, role, password_hash, disabled, created_at)"
                    + " VALUES ('zoe', 'MODERATOR', 'h', 0, 1)");
            st.execute("INSERT INTO escalation (id, room, member_id, level, source, excerpt, status, created_at)"
                    + " VALUES ('esc_old', 'lobby', 'm1', 'IMMINENT', 'KEYWORD', 'x', 'OPEN', " + T0 + ")");
        }
        store = SqliteStore.open(old, CONFIG);
        assertTrue(store.accounts().find("zoe").isPresent());
        assertEquals(java.util.List.of("esc_old"), store.escalations().claimReannouncements(
                org.kindred.protocol.RiskLevel.IMMINENT, T0 + 120_000, 120_000, 5).stream()
                .map(org.kindred.server.store.Escalation::id).toList());
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version) FROM flyway_schema_history")) {
            assertTrue(rs.next());
            assertEquals("5", rs.getString(1));
        }
    }
}
