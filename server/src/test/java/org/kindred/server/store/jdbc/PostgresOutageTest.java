package org.kindred.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kindred.server.store.Ban;
import org.kindred.server.store.NewBan;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.StoreException;
import org.kindred.server.testing.PostgresServer;

/**
 * The PostgreSQL store through a database outage: while the server is down every call fails
 * quickly with a {@link StoreException} that says the database is unreachable and the store is
 * not healthy; once the server is back, the same store instance works again, with everything
 * committed before the outage still there.
 */
class PostgresOutageTest {
    private static final long T0 = 1_700_000_000_000L;
    private PostgresServer pg;
    private PostgresStore store;

    @BeforeEach
    void start() {
        pg = PostgresServer.start(); // our own server: this test stops it
        String db = pg.createDatabase();
        store = PostgresStore.open(PostgresSettings.from(pg.url(db), pg.env()), StoreConfig.defaults());
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void callsFailClearlyWhileTheDatabaseIsDownAndWorkAgainWhenItIsBack() throws Exception {
        Ban before = store.bans().add(new NewBan("m1", null, "r", "zoe", T0, null));
        assertTrue(store.isHealthy());

        pg.stopServer();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            StoreException e = assertThrows(StoreException.class, () -> store.bans().find(before.id()));
            long ms = Duration.ofNanos(System.nanoTime() - t).toMillis();
            assertTrue(e.getMessage().startsWith("the database is unreachable"), e.getMessage());
            assertTrue(ms < PostgresStore.CONNECTION_TIMEOUT_MS + 3_000, "failed fast: " + ms + " ms");
        }
        assertThrows(StoreException.class, () -> store.bans().add(new NewBan("m2", null, "r", "zoe", T0, null)));
        assertFalse(store.isHealthy(), "not healthy while down, so /readyz says not ready");

        pg.startServer();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!store.isHealthy()) {
            assertTrue(System.nanoTime() < deadline, "healthy again within 30 s of the database's return");
            Thread.sleep(100);
        }
        assertEquals(before, store.bans().find(before.id()).orElseThrow(), "what was committed before is there");
        Ban after = store.bans().add(new NewBan("m3", null, "r", "zoe", T0, null));
        assertEquals(after, store.bans().activeFor("m3", null, T0 + 1).orElseThrow());
    }
}
