package org.kindred.server.store;

import java.util.Objects;

/**
 * A moderator login token as stored: only the hash of the token, never the token.
 *
 * @param tokenHash hex SHA-256 of the token
 * @param account   the account's name
 * @param createdAt epoch ms
 * @param expiresAt epoch ms; the token is refused from then on
 * @param revokedAt epoch ms, or null while not revoked
 */
public record LoginToken(String tokenHash, String account, long createdAt, long expiresAt,
                         Long revokedAt) {
    public LoginToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(account, "account");
    }

    /** Not revoked and not yet expired at {@code now}. */
    public boolean isValidAt(long now) {
        return revokedAt == null && now < expiresAt;
    }
}
