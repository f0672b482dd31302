package org.kindred.server.room;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * This node's members are also kept here, so posting and typing ask no shared engine who is in.
 */
final class Seats {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Seats.class);
    private final Room room;
    private final String id;
    private final Presence presence;
    private final LocalHub hub;
    private final Broker broker;
    private final History history;
    private final Reactions reactions;
    private final NickRules nicks;
    private final boolean remote;
    /**
     * Members whose connection dropped (resumable), oldest drop first. Their seats are counted
     * apart from the capacity, which limits connected members only, so sessions that join and
     * drop never lock anyone out. When someone joins, dropped members beyond the capacity leave
     * the room early, the one gone longest first (its session stays resumable).
     */
    private final LinkedHashSet<String> dropped = new LinkedHashSet<>();
    /** The members seated through this node, by member id (room's thread). */
    private final Map<String, MemberInfo> here = new HashMap<>();
    /** The members listed at the last look (room's thread). */
    private List<MemberInfo> listed = List.of();
    /** With engines shared by several nodes: what only they need; else null. */
    private final SeatsAcrossNodes across;
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
        this.remote = parts.remote();
        this.across = remote ? new SeatsAcrossNodes(room, this, parts) : null;
    }

    List<String> mentionable() {
        return mentionable;
    }

    int count() {
        return count;
    }

    /** The member's info if it was seated through this node (a member posts through its own node). */
    Optional<MemberInfo> member(String memberId) {
        return Optional.ofNullable(here.get(memberId));
    }

    /**
     * The member as seated here or, with shared presence, through any node (a Redis round trip
     * then); empty when it is in the room nowhere. Room's thread.
     */
    Optional<MemberInfo> memberAnywhere(String memberId) {
        MemberInfo m = here.get(memberId);
        return m != null || !remote ? Optional.ofNullable(m) : presence.get(id, memberId);
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
        List<MemberInfo> members;
        List<ServerMessage.Message> recent;
        try {
            members = presence.members(id);
            recent = history.recent(id, now);
        } catch (RuntimeException e) {
            presence.remove(id, s.memberId()); // nothing half-done (best effort: the engine may be gone)
            throw e;
        }
        if (!recent.isEmpty()) { // first: a cluster records the session, with what it was sent, when it joins
            long last = recent.get(recent.size() - 1).seq();
            s.sentUpTo(id, last);
            if (remote) { // a copy of a message in the history may still be on its way to this node
                s.replayed(id, last);
            }
        }
        here.put(s.memberId(), info);
        hub.add(id, s);
        s.joined(id, info.nick());
        look(members, null);
        then.accept(Result.ok(new Joining(id, info, members, reactions.withCounts(id, recent), guidelines, mode)));
        if (remote) { // events from other nodes may reach this node after the joiner was told of them
            across.joined(s.memberId(), members);
        }
        broker.broadcast(id, new ServerMessage.Presence(id, PresenceEvent.JOIN, info, n), s.memberId());
        room.changed();
    }

    /**
     * Removes {@code s}; tells the others. Returns its info, or null if it was not here.
     *
     * @throws RuntimeException when the shared presence is unreachable (nothing changed)
     */
    MemberInfo remove(Session s) {
        Optional<MemberInfo> m = presence.remove(id, s.memberId());
        if (m.isEmpty()) {
            if (here.remove(s.memberId()) != null) { // resumed on another node, which holds it now: go quietly
                hub.remove(id, s.memberId());
                dropped.remove(s.memberId());
                s.left(id);
            }
            return null;
        }
        here.remove(s.memberId());
        hub.remove(id, s.memberId());
        dropped.remove(s.memberId());
        s.left(id);
        heard(m.get().id());
        broker.broadcast(id, new ServerMessage.Presence(id, PresenceEvent.LEAVE, m.get(), count), null);
        room.changed();
        return m.get();
    }

    /**
     * Seats {@code s}, resumed here from another node, as {@code nick} without telling anyone (it
     * never left), and hands it the messages after {@code lastSeq}: true. False, and not seated,
     * when some of them are lost (the member joins again for the history there is) or the
     * nickname was taken meanwhile.
     */
    boolean adopt(Session s, String nick, long lastSeq, long now) {
        Optional<List<ServerMessage.Message>> missed = history.after(id, lastSeq, now);
        if (missed.isEmpty() || !presence.claimNick(id, s.memberId(), nicks.keys(nick))) {
            return false; // not seated: the member joins again and gets the history there is
        }
        MemberInfo info = s.info(nick);
        presence.add(id, info);
        here.put(s.memberId(), info);
        hub.add(id, s);
        s.joined(id, nick);
        long last = lastSeq;
        for (ServerMessage.Message m : missed.get()) {
            s.deliver(m);
            last = m.seq();
        }
        s.replayed(id, last);
        heard(null);
        room.changed();
        return true;
    }

    /** A {@code leave}: ok, {@code not_in_room}, or {@code internal} when the shared presence is unreachable. */
    Result<Void> leave(Session s) {
        try {
            return remove(s) == null ? Result.refused(Refusal.NOT_IN_ROOM) : Result.ok(null);
        } catch (RuntimeException e) {
            LOG.warn("leave failed room={} error={}", id, e.getClass().getSimpleName());
            return Result.refused(Refusal.ROOM_UNAVAILABLE);
        }
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
        here.clear();
        presence.clear(id);
        hub.close(id);
    }

    /** A join that failed half-way: releases what it may have claimed (best effort). */
    void abandon(Session s) {
        if (here.containsKey(s.memberId())) {
            return; // seated after all: keep it
        }
        try {
            presence.releaseNick(id, s.memberId());
        } catch (RuntimeException e) {
            // the engine is unreachable: its claim goes with the member's key or the node's liveness
        }
    }

    /** Someone joined or left: re-reads the list ({@code leaver}, or null, left announced: see across). */
    void heard(String leaver) {
        try {
            look(presence.members(id), leaver);
        } catch (RuntimeException e) {
            // unreachable now: the views are refreshed at the next change
        }
    }

    /**
     * The room's broker subscriber with engines shared by several nodes (see
     * {@link SeatsAcrossNodes#feed}).
     */
    Broker.Subscriber feed(LocalHub hub) {
        return across.feed(hub);
    }

    /** With engines shared by several nodes, every few seconds (see {@link SeatsAcrossNodes#sweep}). */
    void sweep(long now, long graceMs) {
        across.sweep(now, graceMs);
    }

    /** The members seated through this node. */
    java.util.Collection<MemberInfo> seatedHere() {
        return here.values();
    }

    /** The members listed at the last look. */
    List<MemberInfo> listed() {
        return listed;
    }

    private void look(List<MemberInfo> members, String leaver) {
        if (across != null) {
            across.missing(listed, members, leaver);
        }
        updateViews(members);
    }

    /** Replaces the views with {@code members}, the room's members now. */
    void updateViews(List<MemberInfo> members) {
        listed = members;
        String[] names = new String[members.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = members.get(i).nick(); // the strings the members already hold: a reference each
        }
        mentionable = List.of(names);
        count = names.length;
    }
}
