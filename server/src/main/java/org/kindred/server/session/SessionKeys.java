package org.kindred.server.session;

import org.kindred.server.common.Ids;

/**
 * A session's keys: takes the hash of its resume token ({@link Ids#hash}) at creation and, for
 * staff, the digest of the login token it signed in with; gives the current resume token's hash,
 * the login digest (null for members) and that digest sealed with the current resume token
 * ({@link StaffSeal}; what a parked record may hold; null for members). Fields are volatile: read
 * on any thread; written by the registry (a rotation under the session's lock).
 */
final class SessionKeys {
    /** The hash of the current resume token; replaced at every resume. */
    private volatile String tokenHash;
    /** Staff only: the digest of the login token the session signed in with, else null. */
    private volatile String credential;
    /** Staff only: {@link #credential} sealed with the current resume token, else null. */
    private volatile String sealedCredential;

    /** @param tokenHash the hash of the session's first resume token */
    SessionKeys(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    /** The hash of the current resume token. */
    String tokenHash() {
        return tokenHash;
    }

    /** The digest of the login token (staff), or null. */
    String credential() {
        return credential;
    }

    /** The login digest sealed with the current resume token (staff), or null. */
    String sealedCredential() {
        return sealedCredential;
    }

    /**
     * A staff sign-in: keeps {@code credential} (the login token's digest; null: none) and seals
     * it with {@code token}, the current resume token in the clear.
     */
    void signedIn(String credential, String token) {
        this.credential = credential;
        this.sealedCredential = StaffSeal.seal(credential, token);
    }

    /** A resume rotated the token to {@code fresh} (in the clear): its hash, and the seal, follow. */
    void rotated(String fresh) {
        this.tokenHash = Ids.hash(fresh);
        this.sealedCredential = StaffSeal.seal(credential, fresh);
    }
}
