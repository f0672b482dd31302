package org.kindred.server.session;

/** The {@link NewSessions} contract in memory, one node's buckets. */
class NewSessionLimiterTest extends NewSessionsContract {
    @Override
    protected NewSessions newSessions() {
        return new NewSessionLimiter(LIMITS);
    }
}
