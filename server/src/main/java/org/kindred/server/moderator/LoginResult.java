package org.kindred.server.moderator;

import org.kindred.server.session.Principal;

/** What {@link TokenService#login} answered; maps to HTTP 200, 401 and 429. */
public sealed interface LoginResult {

    /** Logged in: give {@code token} to the client; it stops working at {@code expiresAt}. */
    record Success(String token, long expiresAt, Principal principal) implements LoginResult {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "Success[expiresAt=" + expiresAt + ", principal=" + principal + "]";
        }
    }

    /** Wrong name or password, or a disabled account (HTTP 401); which one is not said. */
    record Rejected() implements LoginResult {
    }

    /**
     * Too many failures for this account from the caller's network, or from that network for
     * any account (HTTP 429, Retry-After): try again in {@code retryAfterMs} milliseconds.
     */
    record Throttled(long retryAfterMs) implements LoginResult {
    }
}
