package org.kindred.server.store.jdbc;

import org.kindred.server.store.Store;
import org.kindred.server.store.SeqFloorContractTest;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.testing.PostgresServer;

/** Numbering floors on a real PostgreSQL server; several nodes are several pools on one database. */
class PostgresSeqFloorTest extends SeqFloorContractTest {
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
