package org.kindred.server.store.jdbc;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.kindred.server.store.AccountStore;
import org.kindred.server.store.AuditStore;
import org.kindred.server.store.BanStore;
import org.kindred.server.store.EscalationStore;
import org.kindred.server.store.HeldStore;
import org.kindred.server.store.MuteStore;
import org.kindred.server.store.PagingStore;
import org.kindred.server.store.PurgeResult;
import org.kindred.server.store.ReportStore;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.StoreException;
import org.kindred.server.store.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Store} over SQL: the {@code Jdbc*Store} classes, sharing their statements between
 * databases, on one {@link Db}. Subclasses open the database and choose the {@link Dialect}.
 */
abstract class JdbcStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    final Db db;
    private final StoreConfig config;
    private final AccountStore accounts;
    private final TokenStore tokens;
    private final BanStore bans;
    private final MuteStore mutes;
    private final ReportStore reports;
    private final EscalationStore escalations;
    private final HeldStore held;
    private final AuditStore audit;
    private final PagingStore paging;
    private final org.kindred.server.store.SeqFloorStore seqFloors;
    private final Purger purger;

    JdbcStore(Db db, StoreConfig config) {
        this.db = db;
        this.config = config;
        this.accounts = new JdbcAccountStore(db);
        this.tokens = new JdbcTokenStore(db);
        this.bans = new JdbcBanStore(db);
        this.mutes = new JdbcMuteStore(db);
        this.reports = new JdbcReportStore(db);
        this.escalations = new JdbcEscalationStore(db);
        this.held = new JdbcHeldStore(db);
        this.audit = new JdbcAuditStore(db);
        this.paging = new JdbcPagingStore(db);
        this.seqFloors = new JdbcSeqFloorStore(db);
        this.purger = new Purger(db, config);
    }

    /**
     * Applies the dialect's migrations through {@code dataSource}.
     *
     * @throws StoreException when the schema cannot be brought to the current version
     */
    static void migrate(javax.sql.DataSource dataSource, Dialect dialect) {
        try {
            var result = Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrations)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("store: applied {} schema migration(s), now at version {}",
                        result.migrationsExecuted, result.targetSchemaVersion);
            }
        } catch (RuntimeException e) {
            if (org.kindred.server.common.Throwables.rootCause(e) instanceof SQLException sql) {
                throw new StoreException("could not migrate the database schema: " + Db.failure(sql).getMessage(), e);
            }
            throw new StoreException("could not migrate the database schema", e);
        }
    }

    @Override
    public org.kindred.server.store.SeqFloorStore seqFloors() {
        return seqFloors;
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public BanStore bans() {
        return bans;
    }

    @Override
    public MuteStore mutes() {
        return mutes;
    }

    @Override
    public ReportStore reports() {
        return reports;
    }

    @Override
    public EscalationStore escalations() {
        return escalations;
    }

    @Override
    public HeldStore held() {
        return held;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public PagingStore paging() {
        return paging;
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    @Override
    public PurgeResult purgeExpired(long now) {
        return purger.purge(now);
    }

    @Override
    public boolean isHealthy() {
        if (db.isClosed()) {
            return false;
        }
        try {
            return "1".equals(db.call(d -> d.queryString("SELECT 1")));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
