package org.kindred.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.StoreContractTest;
import org.kindred.server.testing.PostgresServer;

/** The store contract on a real PostgreSQL server, plus what is particular to PostgreSQL. */
class PostgresStoreContractTest extends StoreContractTest {
    private String database;

    private PostgresStore open(StoreConfig config) {
        PostgresServer pg = PostgresServer.shared();
        return PostgresStore.open(PostgresSettings.from(pg.url(database), pg.env()), config);
    }

    @Override
    protected Store openFresh(StoreConfig config) {
        database = PostgresServer.shared().createDatabase();
        return open(config);
    }

    @Override
    protected Store reopen(StoreConfig config) {
        return open(config);
    }

    @Test
    void migrationsAreRecordedAndNotRepeated() throws Exception {
        store.close();
        store = reopen(CONFIG);
        PostgresServer pg = PostgresServer.shared();
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pg.url(database), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                assertTrue(rs.getBoolean(2));
                versions.add(rs.getString(1));
            }
        }
        assertEquals(List.of("1", "2", "3", "4", "5"), versions, "each migration applied once");
    }

    @Test
    void theStoreIsOpenedWithTheEnvironmentsCredentials() {
        PostgresServer pg = PostgresServer.shared();
        try (Store s = Stores.open(pg.url(database), null, CONFIG, pg.env())) {
            assertTrue(s instanceof PostgresStore);
            assertTrue(s.isHealthy());
        }
    }
}
