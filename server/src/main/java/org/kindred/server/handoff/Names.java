package org.kindred.server.handoff;

import java.security.SecureRandom;
import org.kindred.protocol.Role;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.session.Session;

/**
 * Names in a private conversation: the room's unguessable id, title and guidelines, and the staff
 * member's nickname.
 */
final class Names {
    private static final String TITLE = "Private conversation";
    private static final String GUIDELINES = "This conversation is just between the two of you. It is not kept: "
            + "it ends when either of you leaves. The community guidelines still apply.";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Names() {
    }

    /** The staff member's sign-in name, capitalised, when it makes a nickname; else their title. */
    static String staffNick(Session staff) {
        String name = staff.moderatorName();
        if (name != null && name.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{1,23}")) {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
        return switch (staff.role()) {
            case MEMBER -> null;
            case SUPPORTER -> "Peer supporter";
            default -> "Moderator";
        };
    }

    /** A new private room id: {@code private-} and 20 random characters of {@code a-z 0-9} (about 103 bits). */
    static String roomId() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        }
        return HandOff.PREFIX + new String(id);
    }

    /** The configuration of private room {@code id} on a node alone: two seats. */
    static RoomConfig config(String id) {
        return new RoomConfig(id, TITLE, "", GUIDELINES, 2);
    }

    /**
     * The configuration of private room {@code id} in a cluster (the same on every node): one seat
     * more, for the seat a member's session still holds on the node it is leaving when it resumes
     * on another (the shared presence counts it until that node lets go). Only the two people of
     * the conversation can join it either way.
     */
    static RoomConfig sharedConfig(String id) {
        return new RoomConfig(id, TITLE, "", GUIDELINES, 3);
    }
}
