package org.kindred.server.room;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.PresenceEvent;
import org.kindred.protocol.RoomMode;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.History;
import org.kindred.server.broker.Presence;
import org.kindred.server.broker.Reactions;
import org.kindred.server.session.LocalHub;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Pseudonyms;
import org.kindred.server.session.Session;

/**
 * A room's members: who is here ({@link Presence}), which sessions of this node get its events
 * ({@link LocalHub}), their nicknames, and the seats of members whose connection dropped.
 * Confined to the room's thread, except the views {@link #mentionable()} and {@link #count()}.
 */
final class Seats {
    private final Room room;
    private final String id;
    private final Presence presence;
    private final LocalHub hub;
    private final Broker broker;
    private final History history;
    private final Reactions reactions;
    private final NickRules nicks;
    /**
     * Members whose connection dropped (resumable), oldest drop first. Their seats are counted
     * apart from the capacity, which limits connected members only, so sessions that join and
     * drop never lock anyone out. When someone joins, dropped members beyond the capacity leave
     * the room early, the one gone longest first (its session stays resumable).
     */
    private final LinkedHashSet<String> dropped = new LinkedHashSet<>();
    /** The members' nicknames, replaced (never changed) on the room's thread; read by any thread. */
    private volatile List<String> mentionable = List.of();
    private volatile int count;

    Seats(Room room, RoomParts parts) {
        this.room = room;
        this.id = room.id();
        this.presence = parts.presence();
        this.hub = parts.hub();
        this.broker = parts.broker();
        this.history = parts.history();
        this.reactions = parts.reactions();
        this.nicks = parts.nicks();
    }

    List<String> mentionable() {
        return mentionable;
    }

    int count() {
        return count;
    }

    Optional<MemberInfo> member(String memberId) {
        return presence.get(id, memberId);
    }

    /** This node's session of a member, or null. */
    Session session(String memberId) {
        return hub.session(id, memberId);
    }

    /** Connected members: the seats that count against the capacity. */
    int seated() {
        return presence.count(id) - dropped.size();
    }

    NickRules nicks() {
        return nicks;
    }

    /** Claims {@code nick} here for {@code s}; false when someone else holds a look-alike. */
    boolean claim(Session s, String nick) {
        return presence.claimNick(id, s.memberId(), nicks.keys(nick));
    }

    /** A pseudonym no one here uses, claimed for {@code s}. */
    String freePseudonym(Session s) {
        String nick = s.pseudonym();
        for (int i = 0; !claim(s, nick) && i < 20; i++) {
            nick = Pseudonyms.next();
        }
        if (!claim(s, nick)) {
            nick = s.pseudonym() + " " + (presence.count(id) + 1);
            claim(s, nick);
        }
        return nick;
    }

    /** Seats {@code s} as {@code info}: tells it ({@code then}), then the others. */
    void seat(Session s, MemberInfo info, RoomMode mode, String guidelines, long now,
            Consumer<Result<Joining>> then) {
        while (dropped.size() > room.config().capacity()) {
            String oldest = dropped.iterator().next();
            Session gone = hub.session(id, oldest);
            if (gone == null) {
                dropped.remove(oldest);
            } else {
                remove(gone);
            }
        }
        int n = presence.add(id, info);
        hub.add(id, s);
        s.joined(id, info.nick());
        updateViews();
        then.accept(Result.ok(new Joining(id, info, presence.members(id),
                reactions.withCounts(id, history.recent(id, now)), guidelines, mode)));
        broker.broadcast(id, new ServerMessage.Presence(id, PresenceEvent.JOIN, info, n), s.memberId());
        room.changed();
    }

    /** Removes {@code s}; tells the others. Returns its info, or null if it was not here. */
    MemberInfo remove(Session s) {
        Optional<MemberInfo> m = presence.remove(id, s.memberId());
        if (m.isEmpty()) {
            return null;
        }
        hub.remove(id, s.memberId());
        dropped.remove(s.memberId());
        s.left(id);
        updateViews();
        broker.broadcast(id, new ServerMessage.Presence(id, PresenceEvent.LEAVE, m.get(), count), null);
        room.changed();
        return m.get();
    }

    /** The member's connection dropped: its seat counts apart from the capacity. */
    void detached(Session s) {
        if (s.isDetached() && hub.session(id, s.memberId()) != null) {
            dropped.add(s.memberId());
        }
    }

    /** The member resumed: its seat counts against the capacity again. */
    void attached(Session s) {
        if (!s.isDetached()) {
            dropped.remove(s.memberId());
        }
    }

    /** Forgets the room's members here and everywhere (a closed private room). */
    void clear() {
        presence.clear(id);
        hub.close(id);
    }

    private void updateViews() {
        List<MemberInfo> members = presence.members(id);
        String[] names = new String[members.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = members.get(i).nick(); // the strings the members already hold: a reference each
        }
        mentionable = List.of(names);
        count = names.length;
    }
}
