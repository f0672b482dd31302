package org.kindred.server.moderator;

import java.util.Locale;

/**
 * What an audit entry records. Stored by {@link #id()} (lower case), so constants may be
 * added freely; never rename one that has been stored.
 */
public enum AuditAction {
    // moderator requests
    DELETE, MUTE, UNMUTE, KICK, BAN, UNBAN, SLOW, LOCK, UNLOCK, APPROVE, REJECT, CLAIM, RESOLVE,
    CLOSE_REPORT, DISMISS_REPORT,
    // automatic actions of the moderation pipeline and risk assessment
    AUTO_BLOCK, AUTO_HOLD, AUTO_MUTE, AUTO_MASK, ESCALATION_OPENED, REPORT_RECEIVED,
    // accounts and sessions of moderators
    ACCOUNT_CREATED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, LOGIN, LOGIN_LOCKED, LOGOUT,
    // housekeeping
    PURGE,
    // an attempt to page a webhook target about an escalation nobody answered
    PAGE,
    // a member's follow-up check-in: planned, cancelled, answered (better / same / worse), never any text
    CHECKIN_PLANNED, CHECKIN_CANCELLED, CHECKIN_ANSWERED,
    // private conversations of a warm hand-off (1.1): opened, accepted, declined, ended (never their text)
    REACH, REACH_ACCEPTED, REACH_DECLINED, REACH_CLOSED;

    /** The stored form, e.g. {@code "auto_block"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
