package org.kindred.server.room;

import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;

/**
 * Why a room turned a request down: the protocol's error code, the sentence the person reads
 * (put into their language when the reply is sent), and for waits how many ms until trying again
 * makes sense (else null). The request layer
 * turns it into the {@code error} reply ({@link #toError}).
 */
public record Refusal(ErrorCode code, Sentence sentence, Long retryAfterMs) {
    /** The room named in a request does not exist (or is not open to the asker). */
    public static final Refusal NO_SUCH_ROOM = of(ErrorCode.NOT_FOUND, "error.no_such_room");
    static final Refusal NOT_IN_ROOM = of(ErrorCode.NOT_IN_ROOM, "error.not_in_room");
    static final Refusal ALREADY_IN_ROOM = of(ErrorCode.ALREADY_IN_ROOM, "error.already_in_room");
    static final Refusal POST_LOCKED = of(ErrorCode.ROOM_LOCKED, "error.post_locked");
    static final Refusal JOIN_LOCKED = of(ErrorCode.ROOM_LOCKED, "error.room_locked");
    static final Refusal FULL = of(ErrorCode.ROOM_FULL, "error.room_full");
    static final Refusal NICK_INVALID = of(ErrorCode.NICK_INVALID, "error.nick_invalid");
    static final Refusal NICK_TAKEN = of(ErrorCode.NICK_TAKEN, "error.nick_taken");

    /** The message could not be numbered and kept (the shared engines are unreachable); nothing was sent. */
    static final Refusal POST_FAILED = of(ErrorCode.INTERNAL, "error.post_failed");
    /** The room's shared state could not be reached; nothing changed. */
    static final Refusal ROOM_UNAVAILABLE = of(ErrorCode.INTERNAL, "error.room_unavailable");

    /** A refusal without a wait whose sentence is the catalog's {@code key} ({@code i18n/en.json}). */
    static Refusal of(ErrorCode code, String key) {
        return new Refusal(code, Sentence.of(key), null);
    }

    /** The {@code error} reply to request {@code reqId}. */
    public ServerMessage.Error toError(String reqId) {
        return sentence.error(reqId, code, retryAfterMs);
    }
}
