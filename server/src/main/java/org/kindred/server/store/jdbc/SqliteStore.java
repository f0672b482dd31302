package org.kindred.server.store.jdbc;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.kindred.server.store.DataDir;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded {@link org.kindred.server.store.Store}: SQLite in {@code <dataDir>/kindred.db}.
 *
 * <ul>
 *   <li><b>Durability:</b> WAL journal with {@code synchronous=FULL}, so every commit is
 *       fsynced to the WAL before the call returns: an acknowledged ban survives kill -9
 *       and also an OS crash or power loss ({@code NORMAL} would risk losing the last
 *       commits on power loss, which the project does not accept for moderator decisions).</li>
 *   <li><b>Schema:</b> Flyway migrations from {@code classpath:db/migration/sqlite}, applied
 *       by {@link #open} before the store is used.</li>
 *   <li><b>Concurrency:</b> one connection shared by all threads behind a fair lock
 *       (see {@code Db}); write transactions start with {@code BEGIN IMMEDIATE} and a busy
 *       timeout covers another process (the admin command) writing at the same time.</li>
 * </ul>
 */
public final class SqliteStore extends JdbcStore {
    /** The database file's name inside the data directory. */
    public static final String DB_FILE = "kindred.db";
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

    private SqliteStore(Db db, StoreConfig config) {
        super(db, config);
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}, migrating its schema to the
     * current version. A new data directory is created readable by its owner only.
     *
     * @throws StoreException when the directory or database cannot be opened or migrated
     */
    public static SqliteStore open(Path dataDir, StoreConfig config) {
        Path file = prepareDir(dataDir).resolve(DB_FILE);
        privateFiles(file);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SQLiteConfig sqlite = sqliteConfig();
        migrate(url, sqlite);
        try {
            Connection conn = sqlite.createConnection(url);
            Db db = Db.single(conn, Dialect.SQLITE);
            String mode = db.call(d -> d.queryString("PRAGMA journal_mode"));
            if (!"wal".equalsIgnoreCase(mode)) {
                LOG.warn("store: WAL is not available on this file system (journal_mode={});"
                        + " commits stay durable but readers block writers", mode);
            }
            privateFiles(file); // the -wal and -shm files now exist too
            LOG.info("store: opened {} (journal_mode={}, synchronous=FULL)", DB_FILE, mode);
            return new SqliteStore(db, config);
        } catch (SQLException e) {
            throw new StoreException("could not open the database in the data directory", e);
        }
    }

    static SQLiteConfig sqliteConfig() {
        SQLiteConfig c = new SQLiteConfig();
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        c.setBusyTimeout(BUSY_TIMEOUT_MS);
        c.enforceForeignKeys(true);
        c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return c;
    }

    private static void migrate(String url, SQLiteConfig sqlite) {
        SQLiteDataSource ds = new SQLiteDataSource(sqlite);
        ds.setUrl(url);
        migrate(ds, Dialect.SQLITE);
    }

    /**
     * A new database file is created {@code 0600} before SQLite opens it (SQLite gives its
     * {@code -wal} and {@code -shm} files the database's permissions); an older one readable by
     * others is restricted, and the log says so.
     */
    private static void privateFiles(Path file) {
        try {
            DataDir.createPrivateFile(file);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path f = file.resolveSibling(file.getFileName() + suffix);
                if (DataDir.restrict(f)) {
                    LOG.warn("store: {} was readable by other users; now readable by its owner only",
                            f.getFileName());
                }
            }
        } catch (IOException e) {
            throw new StoreException("could not make the database file private to its owner", e);
        }
    }

    private static Path prepareDir(Path dataDir) {
        try {
            return DataDir.ensure(dataDir);
        } catch (IOException e) {
            throw new StoreException("could not create the data directory", e);
        }
    }

    /** The value of a PRAGMA on the store's connection; for diagnostics and tests. */
    String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name");
        }
        return db.call(d -> d.queryString("PRAGMA " + name));
    }
}
