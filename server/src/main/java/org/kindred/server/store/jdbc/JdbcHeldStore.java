package org.kindred.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kindred.protocol.Role;
import org.kindred.server.store.HeldMessage;
import org.kindred.server.store.HeldStatus;
import org.kindred.server.store.HeldStore;

final class JdbcHeldStore implements HeldStore {
    private static final String COLUMNS = "msg_id, room, member_id, writer_nick, writer_role, text, categories,"
            + " created_at, status, decided_by, decided_at";

    private final Db db;

    JdbcHeldStore(Db db) {
        this.db = db;
    }

    @Override
    public void add(HeldMessage m) {
        if (m.status() != HeldStatus.PENDING || m.text() == null) {
            throw new IllegalArgumentException("only a pending message with its text can be held");
        }
        db.call(d -> d.update("INSERT INTO held_message (" + COLUMNS + ") VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.msgId(), m.room(), m.memberId(), m.writerNick(),
                m.writerRole() == null ? null : m.writerRole().name(), m.text(), String.join(",", m.categories()),
                m.createdAt(), m.status(), null, null));
    }

    @Override
    public Optional<HeldMessage> find(String msgId) {
        return db.call(d -> d.queryOne("SELECT " + COLUMNS + " FROM held_message WHERE msg_id = ?",
                JdbcHeldStore::map, msgId));
    }

    @Override
    public List<HeldMessage> listPending() {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM held_message WHERE status = ?"
                + " ORDER BY created_at, msg_id", JdbcHeldStore::map, HeldStatus.PENDING));
    }

    @Override
    public Optional<HeldMessage> decide(String msgId, HeldStatus decision, String moderator,
                                        long at) {
        if (decision == HeldStatus.PENDING) {
            throw new IllegalArgumentException("a decision is approved or rejected");
        }
        return db.transaction(d -> {
            Optional<HeldMessage> held = d.queryOne("SELECT " + COLUMNS + " FROM held_message"
                    + " WHERE msg_id = ? AND status = ?", JdbcHeldStore::map, msgId, HeldStatus.PENDING);
            if (held.isEmpty()) {
                return Optional.<HeldMessage>empty();
            }
            // still pending as the row is written: of concurrent deciders (on any node) one wins
            if (d.update("UPDATE held_message SET status = ?, decided_by = ?, decided_at = ?, text = NULL,"
                    + " writer_nick = NULL, writer_role = NULL"
                    + " WHERE msg_id = ? AND status = ?", decision, moderator, at, msgId, HeldStatus.PENDING) != 1) {
                return Optional.<HeldMessage>empty();
            }
            HeldMessage m = held.get();
            return Optional.of(new HeldMessage(m.msgId(), m.room(), m.memberId(), m.writerNick(), m.writerRole(),
                    m.text(), m.categories(), m.createdAt(), decision, moderator, at));
        });
    }

    private static HeldMessage map(ResultSet rs) throws SQLException {
        String cats = rs.getString("categories");
        List<String> categories = cats.isEmpty() ? List.of() : Arrays.asList(cats.split(","));
        String role = rs.getString("writer_role");
        return new HeldMessage(rs.getString("msg_id"), rs.getString("room"),
                rs.getString("member_id"), rs.getString("writer_nick"), role == null ? null : Role.valueOf(role),
                rs.getString("text"), categories,
                rs.getLong("created_at"), HeldStatus.valueOf(rs.getString("status")),
                rs.getString("decided_by"), Sql.nullableLong(rs, "decided_at"));
    }
}
