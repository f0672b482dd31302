package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** Error codes of PROTOCOL.md, with their wire names. */
public enum ErrorCode {
    BAD_REQUEST, UNKNOWN_TYPE, HELLO_REQUIRED, UNSUPPORTED_VERSION, NOT_FOUND, NOT_IN_ROOM,
    ALREADY_IN_ROOM, ROOM_FULL, ROOM_LOCKED, NICK_TAKEN, NICK_INVALID, TEXT_INVALID, BLOCKED,
    MUTED, SLOW_MODE, RATE_LIMITED, BANNED, FORBIDDEN, UNAUTHORIZED, INTERNAL;

    /** The code as written on the wire, e.g. {@code rate_limited}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
