package org.kindred.server.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.server.store.Store;
import org.kindred.server.store.SeqFloorContractTest;
import org.kindred.server.store.StoreConfig;

/** Numbering floors on SQLite; several "nodes" are several connections to one file. */
class SqliteSeqFloorTest extends SeqFloorContractTest {
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
