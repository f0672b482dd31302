package org.kindred.server.moderator;

import java.util.regex.Pattern;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;

/**
 * The shape checks every {@code mod.*} request passes before anything is looked up, stored or
 * audited: identifiers ({@code member}, {@code msg}, {@code escalation}, {@code ban}) are
 * 1..{@value #MAX_ID} characters of letters, digits, {@code _} and {@code -} (every id the
 * server issues is), and free text ({@code reason}, {@code note}) is at most
 * {@value #MAX_REASON} characters. An id of another shape cannot name anything, so it gets
 * {@code not_found}; over-long text gets {@code bad_request}. Whether the id names something
 * that exists is the handler's business.
 */
final class ModChecks {
    static final int MAX_ID = 64;
    static final int MAX_REASON = 500;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_ID + "}");

    private ModChecks() {
    }

    /** The error to reply with, or null when the request is well shaped. */
    static ServerMessage.Error refusal(ModRequest m) {
        String id = m.id();
        if (m instanceof ModRequest.Delete d) {
            return first(id(id, d.msg(), "message"), text(id, d.reason()));
        } else if (m instanceof ModRequest.Mute mu) {
            return first(id(id, mu.member(), "member"), text(id, mu.reason()));
        } else if (m instanceof ModRequest.Unmute u) {
            return id(id, u.member(), "member");
        } else if (m instanceof ModRequest.Kick k) {
            return first(id(id, k.member(), "member"), text(id, k.reason()));
        } else if (m instanceof ModRequest.Ban b) {
            return first(id(id, b.member(), "member"), text(id, b.reason()));
        } else if (m instanceof ModRequest.Unban u) {
            return id(id, u.ban(), "ban");
        } else if (m instanceof ModRequest.Approve a) {
            return first(id(id, a.msg(), "message"), text(id, a.reason()));
        } else if (m instanceof ModRequest.Reject r) {
            return first(id(id, r.msg(), "message"), text(id, r.reason()));
        } else if (m instanceof ModRequest.Claim cl) {
            return id(id, cl.escalation(), "escalation");
        } else if (m instanceof ModRequest.Resolve r) {
            return first(id(id, r.escalation(), "escalation"), text(id, r.note()));
        } else if (m instanceof ModRequest.Dismiss d) {
            return first(id(id, d.report(), "report"), text(id, d.note()));
        }
        return null;
    }

    private static ServerMessage.Error first(ServerMessage.Error a, ServerMessage.Error b) {
        return a != null ? a : b;
    }

    private static ServerMessage.Error id(String reqId, String value, String what) {
        if (value == null || ID.matcher(value).matches()) {
            return null; // a missing required field is the codec's to refuse
        }
        return Sentence.of("error.unknown." + what).error(reqId, ErrorCode.NOT_FOUND);
    }

    private static ServerMessage.Error text(String reqId, String value) {
        if (value == null || value.length() <= MAX_REASON) {
            return null;
        }
        return Sentence.of("error.reason_too_long", "max", MAX_REASON).error(reqId, ErrorCode.BAD_REQUEST);
    }
}
