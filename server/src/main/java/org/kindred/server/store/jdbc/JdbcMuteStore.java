package org.kindred.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.kindred.server.store.Mute;
import org.kindred.server.store.MuteStore;

final class JdbcMuteStore implements MuteStore {
    private static final String COLUMNS = "room, member_id, until_at, muted_by, reason, created_at";

    private final Db db;

    JdbcMuteStore(Db db) {
        this.db = db;
    }

    @Override
    public void put(Mute m) {
        // an upsert: a delete-then-insert would let two concurrent puts collide on the key
        db.call(d -> d.update("INSERT INTO mute (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (room, member_id) DO UPDATE SET until_at = excluded.until_at,"
                        + " muted_by = excluded.muted_by, reason = excluded.reason, created_at = excluded.created_at",
                m.room(), m.memberId(), m.until(), m.mutedBy(), m.reason(), m.createdAt()));
    }

    @Override
    public Optional<Mute> active(String room, String memberId, long now) {
        return db.call(d -> d.queryOne("SELECT " + COLUMNS + " FROM mute"
                + " WHERE room = ? AND member_id = ? AND until_at > ?", JdbcMuteStore::map,
                room, memberId, now));
    }

    @Override
    public List<Mute> listActive(long now) {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM mute WHERE until_at > ?"
                + " ORDER BY created_at", JdbcMuteStore::map, now));
    }

    @Override
    public boolean remove(String room, String memberId) {
        return db.call(d -> d.update("DELETE FROM mute WHERE room = ? AND member_id = ?",
                room, memberId) == 1);
    }

    private static Mute map(ResultSet rs) throws SQLException {
        return new Mute(rs.getString("room"), rs.getString("member_id"), rs.getLong("until_at"),
                rs.getString("muted_by"), rs.getString("reason"), rs.getLong("created_at"));
    }
}
