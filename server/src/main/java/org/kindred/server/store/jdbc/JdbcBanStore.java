package org.kindred.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.kindred.server.store.Ban;
import org.kindred.server.store.BanStore;
import org.kindred.server.common.Ids;
import org.kindred.server.store.NewBan;

final class JdbcBanStore implements BanStore {
    private static final String COLUMNS = "id, member_id, fingerprint, reason, banned_by,"
            + " created_at, expires_at, lifted_at, lifted_by";
    private static final String ACTIVE = "lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)";
    /** Permanent bans first, then the one that ends last. */
    private static final String STRONGEST_FIRST =
            " ORDER BY CASE WHEN expires_at IS NULL THEN 0 ELSE 1 END, expires_at DESC, created_at";

    private final Db db;

    JdbcBanStore(Db db) {
        this.db = db;
    }

    @Override
    public Ban add(NewBan b) {
        Ban ban = new Ban(Ids.newId("ban"), b.memberId(), b.fingerprint(), b.reason(), b.bannedBy(),
                b.createdAt(), b.expiresAt(), null, null);
        db.call(d -> d.update("INSERT INTO ban (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ban.id(), ban.memberId(), ban.fingerprint(), ban.reason(), ban.bannedBy(),
                ban.createdAt(), ban.expiresAt(), null, null));
        return ban;
    }

    @Override
    public Optional<Ban> find(String id) {
        return db.call(d -> d.queryOne("SELECT " + COLUMNS + " FROM ban WHERE id = ?",
                JdbcBanStore::map, id));
    }

    @Override
    public Optional<Ban> activeFor(String memberId, String fingerprint, long now) {
        if (memberId == null && fingerprint == null) {
            return Optional.empty();
        }
        return db.call(d -> d.queryOne("SELECT " + COLUMNS + " FROM ban WHERE " + ACTIVE
                        + " AND (member_id = ? OR fingerprint = ?)" + STRONGEST_FIRST,
                JdbcBanStore::map, now, memberId, fingerprint));
    }

    @Override
    public List<Ban> listActive(long now) {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM ban WHERE " + ACTIVE
                + " ORDER BY created_at, id", JdbcBanStore::map, now));
    }

    @Override
    public boolean addFingerprint(String id, String fingerprint) {
        java.util.Objects.requireNonNull(fingerprint, "fingerprint");
        return db.call(d -> d.update("UPDATE ban SET fingerprint = ? WHERE id = ? AND fingerprint IS NULL",
                fingerprint, id) == 1);
    }

    @Override
    public boolean lift(String id, String liftedBy, long at) {
        return db.call(d -> d.update("UPDATE ban SET lifted_at = ?, lifted_by = ? WHERE id = ? AND "
                + ACTIVE, at, liftedBy, id, at) == 1);
    }

    private static Ban map(ResultSet rs) throws SQLException {
        return new Ban(rs.getString("id"), rs.getString("member_id"), rs.getString("fingerprint"),
                rs.getString("reason"), rs.getString("banned_by"), rs.getLong("created_at"),
                Sql.nullableLong(rs, "expires_at"), Sql.nullableLong(rs, "lifted_at"),
                rs.getString("lifted_by"));
    }
}
