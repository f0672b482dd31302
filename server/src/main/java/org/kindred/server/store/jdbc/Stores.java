package org.kindred.server.store.jdbc;

import java.nio.file.Path;
import java.util.Map;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;

/** Opens the store the configuration names: PostgreSQL when a database URL is given, else SQLite. */
public final class Stores {
    private Stores() {
    }

    /**
     * @param database a {@code jdbc:postgresql:} URL, or null for the embedded SQLite store
     * @param dataDir  the data directory (holds SQLite's {@code kindred.db}; unused by PostgreSQL)
     * @param config   retention periods
     * @param env      the environment, for the database credentials ({@link PostgresSettings})
     * @throws IllegalArgumentException when the URL or the credentials' variables are unusable
     * @throws org.kindred.server.store.StoreException when the database cannot be opened
     */
    public static Store open(String database, Path dataDir, StoreConfig config, Map<String, String> env) {
        if (database == null) {
            return SqliteStore.open(dataDir, config);
        }
        return PostgresStore.open(PostgresSettings.from(database, env), config);
    }
}
