package org.kindred.server.paging;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;

/** Shared escalation timers over one SQLite file opened by several "nodes" (processes sharing a disk). */
class SqliteSharedTimersTest extends SharedTimersContractTest {
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
