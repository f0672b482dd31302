package org.kindred.server.room;

import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;

/**
 * Why a room turned a request down: the protocol's error code, the sentence the person reads,
 * and for waits how many ms until trying again makes sense (else null). The request layer
 * turns it into the {@code error} reply ({@link #toError}).
 */
public record Refusal(ErrorCode code, String sentence, Long retryAfterMs) {
    /** The room named in a request does not exist (or is not open to the asker). */
    public static final Refusal NO_SUCH_ROOM = of(ErrorCode.NOT_FOUND, "There is no room with that name.");
    static final Refusal NOT_IN_ROOM = of(ErrorCode.NOT_IN_ROOM, "You need to join this room first.");
    static final Refusal ALREADY_IN_ROOM = of(ErrorCode.ALREADY_IN_ROOM, "You're already in this room.");
    static final Refusal POST_LOCKED = of(ErrorCode.ROOM_LOCKED,
            "This room is locked for now, so new messages can't be posted.");
    static final Refusal JOIN_LOCKED = of(ErrorCode.ROOM_LOCKED,
            "This room is locked for now. Please try another room or come back a little later.");
    static final Refusal FULL = of(ErrorCode.ROOM_FULL,
            "This room is full right now. Please try another room or come back a little later.");
    static final Refusal NICK_INVALID = of(ErrorCode.NICK_INVALID,
            "Nicknames are 2 to 24 letters, digits, spaces, '_', '-' or '.', and must be friendly.");
    static final Refusal NICK_TAKEN = of(ErrorCode.NICK_TAKEN,
            "Someone in this room already uses that nickname. Please pick another.");

    /** The message could not be numbered and kept (the shared engines are unreachable); nothing was sent. */
    static final Refusal POST_FAILED = of(ErrorCode.INTERNAL,
            "Something went wrong on the server; your message was not sent.");
    /** The room's shared state could not be reached; nothing changed. */
    static final Refusal ROOM_UNAVAILABLE = of(ErrorCode.INTERNAL,
            "Something went wrong on the server; please try again in a moment.");

    static Refusal of(ErrorCode code, String sentence) {
        return new Refusal(code, sentence, null);
    }

    /** The {@code error} reply to request {@code reqId}. */
    public ServerMessage.Error toError(String reqId) {
        return new ServerMessage.Error(reqId, code, sentence, retryAfterMs);
    }
}
