package org.kindred.server.moderator;

import org.kindred.protocol.ModEvent;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;

/**
 * Where a member is now, for the console: the nickname and room the rooms know it by (the
 * event's own room when the member is still there, else another configured room, else its
 * private conversation), and whether its session still lives. Reads only thread-safe views;
 * safe from any thread. The result names a member only to staff: never put it in a page.
 */
public final class Whereabouts {
    private final SessionRegistry sessions;
    private final RoomRegistry rooms;

    public Whereabouts(SessionRegistry sessions, RoomRegistry rooms) {
        this.sessions = sessions;
        this.rooms = rooms;
    }

    /**
     * {@code event} with {@code current} filled in for its member; unchanged when it names none.
     *
     * @param room the event's room (preferred when the member is still in it), or null
     */
    public ModEvent enrich(ModEvent event, String room) {
        return event.member() == null ? event : event.with(of(event.member(), room));
    }

    /** Where {@code memberId} is now; {@code preferred} (may be null) wins when the member is in it. */
    public ModEvent.Current of(String memberId, String preferred) {
        Session s = sessions.byMember(memberId).filter(x -> !x.isExpired()).orElse(null);
        if (s == null) {
            return new ModEvent.Current(null, null, false);
        }
        if (preferred != null && s.nickIn(preferred) != null) {
            return new ModEvent.Current(s.nickIn(preferred), preferred, true);
        }
        String privateRoom = null;
        for (String r : s.rooms()) {
            String nick = s.nickIn(r);
            if (nick == null) {
                continue;
            }
            if (!rooms.isPrivate(r)) {
                return new ModEvent.Current(nick, r, true);
            }
            privateRoom = r;
        }
        return privateRoom == null ? new ModEvent.Current(null, null, true)
                : new ModEvent.Current(s.nickIn(privateRoom), privateRoom, true);
    }
}
