package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;

class AuditLogTest {
    @TempDir
    Path tmp;

    @Test
    void recordsWhoWhatWhenAndWhy() {
        MutableClock clock = new MutableClock(1_700_000_000_000L);
        try (Store store = SqliteStore.open(tmp, StoreConfig.defaults())) {
            AuditLog log = new AuditLog(store.audit(), clock);
            AuditEntry e = log.record("zoe", AuditAction.BAN, "m1", null, "threats");
            log.record(AuditLog.SYSTEM, AuditAction.AUTO_HOLD, "m2", "lobby", "contact");
            assertEquals(1_700_000_000_000L, e.ts());
            assertEquals("ban", e.action());
            List<AuditEntry> recent = store.audit().recent(2);
            assertEquals("auto_hold", recent.get(0).action());
            assertEquals("system", recent.get(0).actor());
            assertEquals("lobby", recent.get(0).room());
            assertEquals(e, recent.get(1));
        }
    }
}
