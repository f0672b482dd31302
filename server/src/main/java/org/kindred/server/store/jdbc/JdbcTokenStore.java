package org.kindred.server.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.kindred.server.store.LoginToken;
import org.kindred.server.store.TokenStore;

final class JdbcTokenStore implements TokenStore {
    private final Db db;

    JdbcTokenStore(Db db) {
        this.db = db;
    }

    @Override
    public void insert(LoginToken t) {
        db.call(d -> d.update("INSERT INTO login_token (token_hash, account, created_at, expires_at,"
                        + " revoked_at) VALUES (?, ?, ?, ?, ?)",
                t.tokenHash(), t.account(), t.createdAt(), t.expiresAt(), t.revokedAt()));
    }

    @Override
    public Optional<LoginToken> findByHash(String tokenHash) {
        return db.call(d -> d.queryOne("SELECT token_hash, account, created_at, expires_at,"
                + " revoked_at FROM login_token WHERE token_hash = ?", JdbcTokenStore::map, tokenHash));
    }

    @Override
    public boolean revoke(String tokenHash, long at) {
        return db.call(d -> d.update("UPDATE login_token SET revoked_at = ?"
                + " WHERE token_hash = ? AND revoked_at IS NULL", at, tokenHash) == 1);
    }

    @Override
    public int revokeAllFor(String account, long at) {
        return db.call(d -> d.update("UPDATE login_token SET revoked_at = ?"
                + " WHERE account = ? AND revoked_at IS NULL", at, account));
    }

    private static LoginToken map(ResultSet rs) throws SQLException {
        return new LoginToken(rs.getString("token_hash"), rs.getString("account"),
                rs.getLong("created_at"), rs.getLong("expires_at"), Sql.nullableLong(rs, "revoked_at"));
    }
}
