package org.kindred.server.store.jdbc;

import java.sql.SQLException;
import org.kindred.server.store.PurgeResult;
import org.kindred.server.store.StoreConfig;

/**
 * Deletes what outlived its retention. Whatever its status: an open report, an unresolved
 * escalation or a pending held message older than its retention period is deleted too, so
 * no excerpt or message text is ever kept longer than configured.
 */
final class Purger {
    private final Db db;
    private final StoreConfig config;

    Purger(Db db, StoreConfig config) {
        this.db = db;
        this.config = config;
    }

    PurgeResult purge(long now) {
        long reportCutoff = now - config.reportRetention().toMillis();
        long escalationCutoff = now - config.escalationRetention().toMillis();
        long heldCutoff = now - config.heldRetention().toMillis();
        long auditCutoff = now - config.auditRetention().toMillis();
        return db.transaction(d -> {
            // pages carry no text; they go with their escalation (not counted separately)
            d.update("DELETE FROM page_delivery WHERE created_at < ?", escalationCutoff);
            return new PurgeResult(
                    d.update("DELETE FROM report WHERE created_at < ?", reportCutoff),
                    d.update("DELETE FROM escalation WHERE created_at < ?", escalationCutoff),
                    d.update("DELETE FROM held_message WHERE created_at < ?", heldCutoff),
                    d.update("DELETE FROM audit_log WHERE ts < ?", auditCutoff),
                    d.update("DELETE FROM login_token WHERE expires_at <= ? OR revoked_at IS NOT NULL", now),
                    d.update("DELETE FROM mute WHERE until_at <= ?", now),
                    purgeBans(d, auditCutoff));
        });
    }

    private static int purgeBans(Sql d, long cutoff) throws SQLException {
        return d.update("DELETE FROM ban WHERE (lifted_at IS NOT NULL AND lifted_at < ?)"
                + " OR (lifted_at IS NULL AND expires_at IS NOT NULL AND expires_at < ?)", cutoff, cutoff);
    }
}
