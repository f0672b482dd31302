package org.kindred.server.store.jdbc;

import java.nio.file.Path;
import org.kindred.server.store.Ban;
import org.kindred.server.store.NewBan;
import org.kindred.server.store.StoreConfig;

/**
 * Run in a child JVM by {@link SqliteHardKillTest}: opens the store, records a ban, prints
 * {@code ACK <ban id>} only after {@code add} returned, then keeps running (store open,
 * never closed) until it is killed.
 */
public final class SqliteHardKillChild {
    private SqliteHardKillChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args[0]);
        String member = args[1];
        SqliteStore store = SqliteStore.open(dataDir, StoreConfig.defaults());
        Ban ban = store.bans().add(new NewBan(member, "fp-" + member, "hard-kill test", "zoe",
                System.currentTimeMillis(), null));
        System.out.println("ACK " + ban.id());
        System.out.flush();
        while (true) {
            Thread.sleep(60_000);
        }
    }
}
