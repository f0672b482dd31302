package org.kindred.server.store;

/** How many rows {@link Store#purgeExpired(long)} deleted, per aggregate. */
public record PurgeResult(int reports, int escalations, int held, int audit,
                          int tokens, int mutes, int bans) {

    public int total() {
        return reports + escalations + held + audit + tokens + mutes + bans;
    }
}
