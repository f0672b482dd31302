package org.kindred.server.room;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.History;
import org.kindred.server.session.Session;

/**
 * Who reported which message of a room, so each member reports a message once. Only messages
 * still in the room's history can be reported, so entries for messages that left it are
 * dropped whenever the ledger holds twice as many messages as the history. Confined to the
 * room's thread.
 */
final class ReportLedger {
    private final Map<String, Set<String>> reporters = new HashMap<>();

    /**
     * Whether {@code reporter} may report {@code msg} now: it must be in the room
     * ({@code not_in_room}), the message still in the room's history ({@code not_found}), not
     * yet reported by this member ({@code bad_request}), and the member within its report
     * allowance ({@code rate_limited}, see {@link Session#reportWait}). When it may, the report
     * is recorded and the message returned.
     */
    ReportCheck check(boolean inRoom, Session reporter, String msg, String reqId, History history, String room,
            long now) {
        if (!inRoom) {
            return ReportCheck.refused(ServerMessage.Error.of(reqId, ErrorCode.NOT_IN_ROOM,
                    "You need to join this room first."));
        }
        ServerMessage.Message m = history.find(room, msg, now).orElse(null);
        if (m == null) {
            return ReportCheck.refused(ServerMessage.Error.of(reqId, ErrorCode.NOT_FOUND,
                    "That message is not in this room any more, so it can't be reported."));
        }
        if (has(msg, reporter.memberId())) {
            return ReportCheck.refused(ServerMessage.Error.of(reqId, ErrorCode.BAD_REQUEST,
                    "You've already reported this message. Thank you: the moderators have it."));
        }
        long wait = reporter.reportWait(now);
        if (wait > 0) {
            return ReportCheck.refused(new ServerMessage.Error(reqId, ErrorCode.RATE_LIMITED,
                    "You've sent a lot of reports just now. Please wait a moment.", wait));
        }
        add(msg, reporter.memberId(), history, room, now);
        return new ReportCheck(m, null);
    }

    /** Records that {@code member} reported {@code msg}; false if it already had. */
    boolean add(String msg, String member, History history, String room, long now) {
        if (reporters.size() > 2 * Math.max(1, history.size(room))) { // amortised: a sweep per history's worth
            reporters.keySet().removeIf(m -> history.find(room, m, now).isEmpty());
        }
        return reporters.computeIfAbsent(msg, k -> new HashSet<>()).add(member);
    }

    /** Whether {@code member} has reported {@code msg}. */
    boolean has(String msg, String member) {
        Set<String> who = reporters.get(msg);
        return who != null && who.contains(member);
    }

    /** Forgets a message's reports (e.g. it was deleted). */
    void forget(String msg) {
        reporters.remove(msg);
    }

    int size() {
        return reporters.size();
    }
}
