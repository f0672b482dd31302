package org.kindred.server.session;

import org.kindred.protocol.ServerMessage;

/** Which kept events a resume on another node needs from the record, and their rooms. */
final class KeptEvents {
    private KeptEvents() {
    }

    /**
     * Whether {@code m}, kept for a detached session, is recorded for another node: not a message
     * (the room's history has it; no message text is recorded), typing (never kept) or a check-in
     * (the check-ins' state is recorded instead).
     */
    static boolean recorded(ServerMessage m) {
        return !(m instanceof ServerMessage.Message || m instanceof ServerMessage.Typing
                || m instanceof ServerMessage.CheckIn);
    }

    /** The room {@code m} is about, or null. */
    static String roomOf(ServerMessage m) {
        if (m instanceof ServerMessage.Notice n) {
            return n.room();
        } else if (m instanceof ServerMessage.Presence p) {
            return p.room();
        } else if (m instanceof ServerMessage.Reaction r) {
            return r.room();
        } else if (m instanceof ServerMessage.Deleted d) {
            return d.room();
        } else if (m instanceof ServerMessage.Kicked k) {
            return k.room();
        }
        return null;
    }
}
