package org.kindred.server.moderator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Whereabouts.class);
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
     * {@code events} with {@code current} filled in for their members, in the same order: as
     * {@link #enrich} (about each event's own room), and a member not connected here as the event's
     * room's shared presence seats it, all such members looked up at once
     * ({@link RoomRegistry#membersAnywhere}: one Redis round trip for the whole list, at most the
     * engines' command timeout; unreachable, they stay as this node knows them). For the
     * {@code queue} reply; blocking pool only.
     */
    public List<ModEvent> enrichAll(List<ModEvent> events) {
        List<ModEvent.Current> here = new ArrayList<>(events.size());
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (ModEvent e : events) {
            ModEvent.Current c = e.member() == null ? null : of(e.member(), e.room());
            here.add(c);
            if (c != null && !c.online() && e.room() != null && rooms.get(e.room()) != null) {
                wanted.computeIfAbsent(e.room(), r -> new LinkedHashSet<>()).add(e.member());
            }
        }
        Map<String, Map<String, MemberInfo>> there = elsewhere(wanted);
        List<ModEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ModEvent e = events.get(i);
            ModEvent.Current c = here.get(i);
            MemberInfo m = c == null || c.online() ? null : there.getOrDefault(e.room(), Map.of()).get(e.member());
            out.add(c == null ? e : e.with(m != null ? new ModEvent.Current(m.nick(), e.room(), true) : c));
        }
        return out;
    }

    private Map<String, Map<String, MemberInfo>> elsewhere(Map<String, Set<String>> wanted) {
        try {
            return rooms.membersAnywhere(wanted);
        } catch (RuntimeException e) {
            LOG.debug("members on other nodes not looked up error={}", e.getClass().getSimpleName());
            return Map.of();
        }
    }

    /**
     * As {@link #enrich}, and without waiting: when the member is not connected here, its room's
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
        return r.queries().memberAnywhere(event.member()).completeOnTimeout(Optional.empty(), LOOKUP_MS, TimeUnit.MILLISECONDS)
                .handle((found, e) -> event.with(e == null && found.isPresent()
                        ? new ModEvent.Current(found.get().nick(), room, true) : here));
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
