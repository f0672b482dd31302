package org.kindred.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.store.PageDelivery;
import org.kindred.server.store.PagingStore;

final class JdbcPagingStore implements PagingStore {
    private static final String COLUMNS = "escalation_id, reason, target, level, room, status, attempts,"
            + " next_attempt_at, created_at";
    private static final String KEY = " WHERE escalation_id = ? AND reason = ? AND target = ? AND status = ?";

    private final Db db;

    JdbcPagingStore(Db db) {
        this.db = db;
    }

    @Override
    public boolean add(PageDelivery p) {
        return db.call(d -> d.update("INSERT INTO page_delivery (" + COLUMNS + ") VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                p.escalationId(), p.reason(), p.target(), p.level(), p.room(), p.status(), p.attempts(),
                p.nextAttemptAt(), p.createdAt()) == 1);
    }

    @Override
    public List<PageDelivery> pending() {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM page_delivery WHERE status = ?"
                + " ORDER BY created_at, escalation_id", JdbcPagingStore::map, PageDelivery.Status.PENDING));
    }

    @Override
    public List<PageDelivery> forEscalation(String escalationId) {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM page_delivery WHERE escalation_id = ?"
                + " ORDER BY created_at, reason, target", JdbcPagingStore::map, escalationId));
    }

    @Override
    public boolean attempting(String escalationId, String reason, String target, int attempts,
                              long nextAttemptAt) {
        // compare-and-set on the attempt count: of two nodes starting the same attempt, one wins
        return db.call(d -> d.update("UPDATE page_delivery SET attempts = ?, next_attempt_at = ?" + KEY
                        + " AND attempts = ?", attempts, nextAttemptAt, escalationId, reason, target,
                PageDelivery.Status.PENDING, attempts - 1) == 1);
    }

    @Override
    public boolean finish(String escalationId, String reason, String target, PageDelivery.Status status) {
        return db.call(d -> d.update("UPDATE page_delivery SET status = ?" + KEY,
                status, escalationId, reason, target, PageDelivery.Status.PENDING) == 1);
    }

    @Override
    public List<PageDelivery> claimDue(long now, long leaseUntil, int limit) {
        if (limit <= 0 || leaseUntil <= now) {
            throw new IllegalArgumentException("limit must be positive and leaseUntil after now");
        }
        return db.transaction(d -> {
            List<PageDelivery> due = d.query("SELECT " + COLUMNS + " FROM page_delivery"
                    + " WHERE status = ? AND next_attempt_at <= ?"
                    + " ORDER BY next_attempt_at, created_at, escalation_id, reason, target LIMIT ?"
                    + d.dialect().skipLocked, JdbcPagingStore::map, PageDelivery.Status.PENDING, now, limit);
            List<PageDelivery> claimed = new ArrayList<>(due.size());
            for (PageDelivery p : due) {
                // still due as the row is written, so a claim without row locks cannot take it twice
                if (d.update("UPDATE page_delivery SET next_attempt_at = ?" + KEY + " AND next_attempt_at <= ?",
                        leaseUntil, p.escalationId(), p.reason(), p.target(), PageDelivery.Status.PENDING, now) == 1) {
                    claimed.add(new PageDelivery(p.escalationId(), p.reason(), p.target(), p.level(), p.room(),
                            p.status(), p.attempts(), leaseUntil, p.createdAt()));
                }
            }
            return claimed;
        });
    }

    private static PageDelivery map(ResultSet rs) throws SQLException {
        return new PageDelivery(rs.getString("escalation_id"), rs.getString("reason"), rs.getString("target"),
                RiskLevel.valueOf(rs.getString("level")), rs.getString("room"),
                PageDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getLong("next_attempt_at"), rs.getLong("created_at"));
    }
}
