package org.kindred.server.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreClaimsContractTest;
import org.kindred.server.store.StoreConfig;

/** Claims on SQLite; several "nodes" are several connections to one file. */
class SqliteStoreClaimsTest extends StoreClaimsContractTest {
    @TempDir
    Path tmp;

    @Override
    protected Store openFresh(StoreConfig config) {
        return SqliteStore.open(tmp.resolve("data"), config);
    }

    @Override
    protected Store reopen(StoreConfig config) {
        return SqliteStore.open(tmp.resolve("data"), config);
    }
}
