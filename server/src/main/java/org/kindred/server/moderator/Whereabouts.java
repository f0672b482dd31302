package org.kindred.server.moderator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ModEvent;
import org.kindred.server.room.Room;
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
    /** How long a lookup in a room's shared presence may take, ms, before the member counts as not found. */
    public static final long LOOKUP_MS = 2_000;
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

    /**
     * As {@link #enrich}, also finding a member connected to another node in the event's room
     * through the room's shared presence (a Redis round trip, at most 2 s). Blocking pool only.
     */
    public ModEvent enrichAnywhere(ModEvent event, String room) {
        if (event.member() == null) {
            return event;
        }
        ModEvent.Current here = of(event.member(), room);
        return event.with(here.online() || room == null ? here : elsewhere(event.member(), room).orElse(here));
    }

    /**
     * {@code events} as {@link #enrichAnywhere} makes each (about its own room), in the same order;
     * for the {@code queue} reply. Blocking pool only.
     */
    public List<ModEvent> enrichAll(List<ModEvent> events) {
        return events.stream().map(e -> enrichAnywhere(e, e.room())).toList();
    }

    /**
     * As {@link #enrichAnywhere}, without waiting: when the member is not connected here, its room's
     * shared presence is asked on the room's thread (a worker when the presence is shared), and the
     * stage completes there, at most {@value #LOOKUP_MS} ms later; found nowhere, unreachable or late,
     * the member is as this node knows it. Completes at once when it is found here or the event names
     * no member or no known room. Safe on an event loop.
     */
    public CompletableFuture<ModEvent> enrichLater(ModEvent event, String room) {
        if (event.member() == null) {
            return CompletableFuture.completedFuture(event);
        }
        ModEvent.Current here = of(event.member(), room);
        Room r = here.online() || room == null ? null : rooms.get(room);
        if (r == null) {
            return CompletableFuture.completedFuture(event.with(here));
        }
        return r.memberAnywhere(event.member()).completeOnTimeout(Optional.empty(), LOOKUP_MS, TimeUnit.MILLISECONDS)
                .handle((found, e) -> event.with(e == null && found.isPresent()
                        ? new ModEvent.Current(found.get().nick(), room, true) : here));
    }

    /** The member as the shared presence seats it in {@code roomId}, if it is there; blocking pool only. */
    private Optional<ModEvent.Current> elsewhere(String memberId, String roomId) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return Optional.empty();
        }
        try {
            Optional<MemberInfo> m = room.memberAnywhere(memberId).get(LOOKUP_MS, TimeUnit.MILLISECONDS);
            return m.map(info -> new ModEvent.Current(info.nick(), roomId, true));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
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
