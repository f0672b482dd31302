package org.kindred.server.paging;

import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.PostgresSettings;
import org.kindred.server.store.jdbc.PostgresStore;
import org.kindred.server.testing.PostgresServer;

/** Shared escalation timers over a real PostgreSQL server; each node is its own pool on one database. */
class PostgresSharedTimersTest extends SharedTimersContractTest {
    private String database;

    @Override
    protected Store openFresh(StoreConfig config) {
        database = PostgresServer.shared().createDatabase();
        return reopen(config);
    }

    @Override
    protected Store reopen(StoreConfig config) {
        PostgresServer pg = PostgresServer.shared();
        return PostgresStore.open(PostgresSettings.from(pg.url(database), pg.env()), config);
    }
}
