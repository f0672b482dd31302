package org.kindred.server.room;

import java.util.HashMap;
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
import org.kindred.server.session.Session;

/**
 * A room's members: who is here ({@link Presence}), which sessions of this node get its events
 * ({@link LocalHub}), joining and leaving. Its parts: the nickname claims ({@link RoomNicks}),
 * the seats of members whose connection dropped ({@link AwaySeats}), what the room shows of its
 * members ({@link SeatViews}) and, with engines shared by several nodes, what only they need
 * ({@link SeatsAcrossNodes}). Confined to the room's thread, except the views
 * {@link #mentionable()} and {@link #count()}. This node's members are also kept here, so
 * posting and typing ask no shared engine who is in.
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
    private final RoomNicks nicks;
    private final boolean remote;
    /** The members seated through this node, by member id (room's thread). */
    private final Map<String, MemberInfo> here = new HashMap<>();
    /** The list, names and count at the last look. */
    private final SeatViews views = new SeatViews();
    /** The seats of members whose connection dropped. */
    private final AwaySeats away;
    /** With engines shared by several nodes: what only they need; else null. */
    private final SeatsAcrossNodes across;

    Seats(Room room, RoomParts parts) {
        this.room = room;
        this.id = room.id();
        this.presence = parts.presence();
        this.hub = parts.hub();
        this.broker = parts.broker();
        this.history = parts.history();
        this.reactions = parts.reactions();
        this.nicks = new RoomNicks(id, presence, parts.nicks());
        this.remote = parts.remote();
        this.away = new AwaySeats(this, id, parts);
        this.across = remote ? new SeatsAcrossNodes(room, this, parts) : null;
    }

    List<String> mentionable() {
        return views.mentionable();
    }

    int count() {
        return views.count();
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

    /** Connected members (on every node): the seats that count against the capacity. May wait. */
    int seated() {
        return presence.seated(id);
    }

    /** The room's nickname claims. */
    RoomNicks nicks() {
        return nicks;
    }

    /** Seats {@code s} as {@code info}: tells it ({@code then}), then the others. */
    void seat(Session s, MemberInfo info, RoomMode mode, String guidelines, long now,
            Consumer<Result<Joining>> then) {
        away.makeRoom(room.config().capacity());
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
        seatHere(s, info);
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
        Session current = hub.session(id, s.memberId());
        if (current != null && current != s) { // a copy ended late: its member is back here on a newer session
            s.left(id);
            return null;
        }
        Optional<MemberInfo> m = presence.remove(id, s.memberId());
        if (m.isEmpty()) {
            if (here.containsKey(s.memberId())) { // resumed on another node, which holds it now: go quietly
                quietly(s);
            }
            return null;
        }
        quietly(s);
        announceLeave(m.get());
        return m.get();
    }

    /** Takes {@code s} out of this node's part of the room (not the shared presence); nobody is told. */
    void quietly(Session s) {
        here.remove(s.memberId());
        hub.remove(id, s.memberId());
        s.left(id);
    }

    /**
     * {@code m}, away longest, was let go from the shared presence to make room ({@link AwaySeats}):
     * leaves here if seated here, and everyone hears it leave (its node, if another, from the leave).
     */
    void letGo(MemberInfo m) {
        Session s = hub.session(id, m.id());
        if (s != null && here.containsKey(m.id())) {
            quietly(s);
        }
        announceLeave(m);
    }

    private void announceLeave(MemberInfo m) {
        heard(m.id());
        broker.broadcast(id, new ServerMessage.Presence(id, PresenceEvent.LEAVE, m, views.count()), null);
        room.changed();
    }

    /**
     * Seats {@code s}, resumed here from another node, without telling anyone (see
     * {@link SeatsAcrossNodes#adopt}): true when seated with every message it missed.
     */
    boolean adopt(Session s, String nick, long lastSeq, long now) {
        return across != null && across.adopt(s, nick, lastSeq, now);
    }

    /** Records {@code s}, seated in the shared presence as {@code info}, as seated through this node. */
    void seatHere(Session s, MemberInfo info) {
        here.put(s.memberId(), info);
        hub.add(id, s);
        s.joined(id, info.nick());
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

    /** The member's connection dropped: its seat counts apart from the capacity (see {@link AwaySeats}). */
    void detached(Session s) {
        away.dropped(s);
    }

    /** The member resumed: its seat counts against the capacity again. */
    void attached(Session s) {
        away.back(s);
    }

    /** The seats of members whose connection dropped. */
    AwaySeats away() {
        return away;
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
            nicks.release(s.memberId());
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

    /** The list, names and count at the last look. */
    SeatViews views() {
        return views;
    }

    private void look(List<MemberInfo> members, String leaver) {
        if (across != null) {
            across.missing(views.listed(), members, leaver);
        }
        views.update(members);
    }
}
