package org.kindred.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.EscalationStatus;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.store.Escalation;
import org.kindred.server.store.EscalationStore;
import org.kindred.server.common.Ids;
import org.kindred.server.store.NewEscalation;

final class JdbcEscalationStore implements EscalationStore {
    private static final String COLUMNS = "id, room, member_id, level, source, excerpt, status,"
            + " claimed_by, claimed_at, outcome, note, resolved_by, resolved_at, created_at";

    private final Db db;

    JdbcEscalationStore(Db db) {
        this.db = db;
    }

    @Override
    public Escalation add(NewEscalation e) {
        Escalation esc = new Escalation(Ids.newId("esc"), e.room(), e.memberId(), e.level(),
                e.source(), e.excerpt(), EscalationStatus.OPEN, null, null, null, null, null, null,
                e.createdAt());
        db.call(d -> d.update("INSERT INTO escalation (" + COLUMNS + ") VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                esc.id(), esc.room(), esc.memberId(), esc.level(), esc.source(), esc.excerpt(),
                esc.status(), null, null, null, null, null, null, esc.createdAt()));
        return esc;
    }

    @Override
    public Optional<Escalation> find(String id) {
        return db.call(d -> d.queryOne("SELECT " + COLUMNS + " FROM escalation WHERE id = ?",
                JdbcEscalationStore::map, id));
    }

    @Override
    public List<Escalation> listUnresolved() {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM escalation WHERE status <> ?"
                + " ORDER BY created_at, id", JdbcEscalationStore::map, EscalationStatus.RESOLVED));
    }

    @Override
    public boolean claim(String id, String moderator, long at) {
        return db.call(d -> d.update("UPDATE escalation SET status = ?, claimed_by = ?,"
                        + " claimed_at = ? WHERE id = ? AND status = ?",
                EscalationStatus.CLAIMED, moderator, at, id, EscalationStatus.OPEN) == 1);
    }

    @Override
    public boolean resolve(String id, String moderator, ResolveOutcome outcome, String note,
                           long at) {
        return db.call(d -> d.update("UPDATE escalation SET status = ?, outcome = ?, note = ?,"
                        + " resolved_by = ?, resolved_at = ? WHERE id = ? AND status <> ?",
                EscalationStatus.RESOLVED, outcome, note, moderator, at, id,
                EscalationStatus.RESOLVED) == 1);
    }

    @Override
    public List<Escalation> claimReannouncements(RiskLevel level, long now, long intervalMs, int limit) {
        if (limit <= 0 || intervalMs <= 0) {
            throw new IllegalArgumentException("limit and intervalMs must be positive");
        }
        String due = " status = ? AND level = ? AND COALESCE(reannounce_at, created_at + ?) <= ?";
        return db.transaction(d -> {
            List<Escalation> found = d.query("SELECT " + COLUMNS + " FROM escalation WHERE" + due
                    + " ORDER BY created_at, id LIMIT ?" + d.dialect().skipLocked, JdbcEscalationStore::map,
                    EscalationStatus.OPEN, level, intervalMs, now, limit);
            List<Escalation> claimed = new ArrayList<>(found.size());
            for (Escalation e : found) {
                // still due and open as the row is written, so a claim without row locks cannot take it twice
                if (d.update("UPDATE escalation SET reannounce_at = ? WHERE id = ? AND" + due,
                        now + intervalMs, e.id(), EscalationStatus.OPEN, level, intervalMs, now) == 1) {
                    claimed.add(e);
                }
            }
            return claimed;
        });
    }

    private static Escalation map(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Escalation(rs.getString("id"), rs.getString("room"), rs.getString("member_id"),
                RiskLevel.valueOf(rs.getString("level")),
                EscalationSource.valueOf(rs.getString("source")), rs.getString("excerpt"),
                EscalationStatus.valueOf(rs.getString("status")), rs.getString("claimed_by"),
                Sql.nullableLong(rs, "claimed_at"),
                outcome == null ? null : ResolveOutcome.valueOf(outcome), rs.getString("note"),
                rs.getString("resolved_by"), Sql.nullableLong(rs, "resolved_at"),
                rs.getLong("created_at"));
    }
}
