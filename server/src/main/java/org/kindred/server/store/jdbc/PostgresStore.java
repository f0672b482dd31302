package org.kindred.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link org.kindred.server.store.Store} on PostgreSQL, for several nodes sharing one
 * database.
 *
 * <ul>
 *   <li><b>Durability:</b> each call commits before it returns; with PostgreSQL's default
 *       {@code synchronous_commit = on} the commit is flushed to the server's WAL first.</li>
 *   <li><b>Schema:</b> Flyway migrations from {@code classpath:db/migration/postgresql}, applied
 *       by {@link #open}; nodes starting together take turns (Flyway holds an advisory lock).</li>
 *   <li><b>Concurrency:</b> a HikariCP pool of at most {@value #POOL_SIZE} connections; each call
 *       borrows one, so calls from several threads and nodes run in parallel. Conditional changes
 *       are single guarded statements, so one of several concurrent callers wins on any node;
 *       claims lock the rows they take and skip rows other nodes hold.</li>
 *   <li><b>Outages:</b> while the database is unreachable a call fails within about
 *       {@value #CONNECTION_TIMEOUT_MS} ms (no connection) or {@value #SOCKET_TIMEOUT_S} s (no answer)
 *       with a {@link StoreException} saying so, and {@link #isHealthy()} is false; when the
 *       database is back, new connections are made and calls work again without a restart.</li>
 * </ul>
 */
public final class PostgresStore extends JdbcStore {
    static final int POOL_SIZE = 8;
    static final long CONNECTION_TIMEOUT_MS = 2_000;
    static final int SOCKET_TIMEOUT_S = 30;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);

    private PostgresStore(Db db, StoreConfig config) {
        super(db, config);
    }

    /**
     * Connects to the database, migrates its schema to the current version and returns the store.
     *
     * @throws StoreException when the database cannot be reached, refuses the credentials or cannot
     *     be migrated; the message never contains the password
     */
    public static PostgresStore open(PostgresSettings settings, StoreConfig config) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari(settings));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof SQLException sql ? Db.failure(sql).getMessage()
                    : e.getClass().getSimpleName();
            throw new StoreException("could not connect to the database: " + why, e);
        }
        try {
            migrate(pool, Dialect.POSTGRESQL);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("store: opened PostgreSQL (pool of {} connections)", POOL_SIZE);
        return new PostgresStore(Db.pooled(pool, pool, Dialect.POSTGRESQL), config);
    }

    static HikariConfig hikari(PostgresSettings s) {
        HikariConfig h = new HikariConfig();
        h.setPoolName("kindred-store");
        h.setJdbcUrl(s.url());
        if (s.user() != null) {
            h.setUsername(s.user());
        }
        if (s.password() != null) {
            h.setPassword(s.password());
        }
        h.setMaximumPoolSize(POOL_SIZE);
        h.setMinimumIdle(1);
        h.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        h.setValidationTimeout(Math.min(1_000, CONNECTION_TIMEOUT_MS / 2));
        h.setInitializationFailTimeout(Duration.ofSeconds(5).toMillis());
        h.addDataSourceProperty("connectTimeout", "5");
        h.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_S));
        h.addDataSourceProperty("tcpKeepAlive", "true");
        h.addDataSourceProperty("ApplicationName", "kindred");
        // the server's error details can quote stored values (e.g. a duplicate key); keep them out
        h.addDataSourceProperty("logServerErrorDetail", "false");
        return h;
    }
}
