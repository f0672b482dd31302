package org.kindred.server.store;

import java.util.Optional;

/** Login tokens, by the hash of the token. */
public interface TokenStore {

    /** Stores a new token; its hash must be unique. The account must exist. */
    void insert(LoginToken token);

    /** The token with that hash, whether valid or not. */
    Optional<LoginToken> findByHash(String tokenHash);

    /** Revokes one token; false when unknown or already revoked. */
    boolean revoke(String tokenHash, long at);

    /** Revokes every unrevoked token of an account; returns how many. */
    int revokeAllFor(String account, long at);
}
