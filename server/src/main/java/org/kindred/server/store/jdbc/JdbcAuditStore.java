package org.kindred.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.AuditStore;

final class JdbcAuditStore implements AuditStore {
    private static final String COLUMNS = "id, ts, actor, action, target, room, reason";

    private final Db db;

    JdbcAuditStore(Db db) {
        this.db = db;
    }

    @Override
    public AuditEntry append(AuditEntry e) {
        long id = db.call(d -> d.insertReturningKey("INSERT INTO audit_log (ts, actor, action,"
                        + " target, room, reason) VALUES (?, ?, ?, ?, ?, ?)", "id",
                e.ts(), e.actor(), e.action(), e.target(), e.room(), e.reason()));
        return new AuditEntry(id, e.ts(), e.actor(), e.action(), e.target(), e.room(), e.reason());
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM audit_log ORDER BY id DESC LIMIT ?",
                JdbcAuditStore::map, limit));
    }

    @Override
    public List<AuditEntry> forTarget(String target, int limit) {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM audit_log WHERE target = ?"
                + " ORDER BY id DESC LIMIT ?", JdbcAuditStore::map, target, limit));
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getLong("ts"), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("room"),
                rs.getString("reason"));
    }
}
