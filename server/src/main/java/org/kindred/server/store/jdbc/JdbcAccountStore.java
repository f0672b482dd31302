package org.kindred.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.kindred.protocol.Role;
import org.kindred.server.store.AccountStore;
import org.kindred.server.store.ModeratorAccount;

final class JdbcAccountStore implements AccountStore {
    private static final String COLUMNS = "name, role, password_hash, disabled, created_at";

    private final Db db;

    JdbcAccountStore(Db db) {
        this.db = db;
    }

    @Override
    public boolean insertIfAbsent(ModeratorAccount a) {
        // one statement, so concurrent callers (even on several nodes) cannot both insert
        return db.call(d -> d.update("INSERT INTO moderator_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO NOTHING",
                a.name(), a.role(), a.passwordHash(), a.disabled(), a.createdAt()) == 1);
    }

    @Override
    public Optional<ModeratorAccount> find(String name) {
        return db.call(d -> find(d, name));
    }

    @Override
    public List<ModeratorAccount> list() {
        return db.call(d -> d.query("SELECT " + COLUMNS + " FROM moderator_account ORDER BY name",
                JdbcAccountStore::map));
    }

    @Override
    public boolean setDisabled(String name, boolean disabled) {
        return db.call(d -> d.update("UPDATE moderator_account SET disabled = ? WHERE name = ?",
                disabled, name) == 1);
    }

    @Override
    public boolean updatePasswordHash(String name, String passwordHash) {
        return db.call(d -> d.update("UPDATE moderator_account SET password_hash = ? WHERE name = ?",
                passwordHash, name) == 1);
    }

    private static Optional<ModeratorAccount> find(Sql d, String name) throws SQLException {
        return d.queryOne("SELECT " + COLUMNS + " FROM moderator_account WHERE name = ?",
                JdbcAccountStore::map, name);
    }

    private static ModeratorAccount map(ResultSet rs) throws SQLException {
        return new ModeratorAccount(rs.getString("name"), Role.valueOf(rs.getString("role")),
                rs.getString("password_hash"), rs.getInt("disabled") != 0,
                rs.getLong("created_at"));
    }
}
