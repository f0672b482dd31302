package org.kindred.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aNewDataDirectoryIsPrivate() throws Exception {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir())));
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
            for (String version : new String[] {"1", "2"}) {
                assertTrue(rs.next(), "migration " + version);
                assertEquals(version, rs.getString(1));
                assertEquals(1, rs.getInt(2));
            }
            assertTrue(!rs.next(), "each migration applied once");
        }
        store = reopen(CONFIG);
    }
}
