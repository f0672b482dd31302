package org.kindred.server.room;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.History;
import org.kindred.server.i18n.Sentence;
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
            return ReportCheck.refused(Sentence.of("error.not_in_room").error(reqId, ErrorCode.NOT_IN_ROOM));
        }
        ServerMessage.Message m = history.find(room, msg, now).orElse(null);
        if (m == null) {
            return ReportCheck.refused(Sentence.of("error.report_gone").error(reqId, ErrorCode.NOT_FOUND));
        }
        if (has(msg, reporter.memberId())) {
            return ReportCheck.refused(Sentence.of("error.report_again").error(reqId, ErrorCode.BAD_REQUEST));
        }
        long wait = reporter.reportWait(now);
        if (wait > 0) {
            return ReportCheck.refused(Sentence.of("error.report_rate").error(reqId, ErrorCode.RATE_LIMITED, wait));
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
