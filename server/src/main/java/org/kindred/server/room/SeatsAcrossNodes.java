package org.kindred.server.room;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.PresenceEvent;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.History;
import org.kindred.server.broker.Presence;
import org.kindred.server.session.LocalHub;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;

/**
 * The part of a room's {@link Seats} that exists only with engines shared by several nodes: a
 * member resumed from another node seated quietly ({@link #adopt}), presence events from other
 * nodes handed to the room's thread (and not repeated to a member whose {@code joined} already
 * listed them, and a leave of a member still seated here passed to {@link AwaySeats}), and the sweep that adds this node's members again
 * where the shared presence lost them and announces members gone silently ({@link Departures}).
 * A notice that the lock or slow mode changed makes the room re-read its modes.
 * Confined to the room's thread.
 */
final class SeatsAcrossNodes {
    /** The room notices that say the lock or slow mode changed. */
    private static final Set<String> MODE_NOTICES = Set.of("locked", "unlocked", "slow_mode");
    private final Room room;
    private final Seats seats;
    private final String id;
    private final Presence presence;
    private final LocalHub hub;
    private final NickRules nicks;
    private final History history;
    private final Departures departures = new Departures();
    /** Members seated here since the last sweep, and whom their {@code joined} listed. */
    private final Map<String, Set<String>> listedAtJoin = new HashMap<>();
    /**
     * Members seated here whom a sweep added again without their nickname: another member took a
     * look-alike after the shared presence lost the claims. Each sweep claims it again until it holds.
     */
    private final Set<String> unclaimed = new HashSet<>();

    SeatsAcrossNodes(Room room, Seats seats, RoomParts parts) {
        this.room = room;
        this.seats = seats;
        this.id = room.id();
        this.presence = parts.presence();
        this.hub = parts.hub();
        this.nicks = parts.nicks();
        this.history = parts.history();
    }

    /**
     * Seats {@code s}, resumed here from another node, as {@code nick} without telling anyone (it
     * never left), and hands it the messages after {@code lastSeq}: true. False, and not seated,
     * when some of them are lost (the member joins again for the history there is) or the
     * nickname was taken meanwhile.
     */
    boolean adopt(Session s, String nick, long lastSeq, long now) {
        Optional<List<ServerMessage.Message>> missed = history.after(id, lastSeq, now);
        if (missed.isEmpty() || !seats.nicks().claim(s.memberId(), nick)) {
            return false; // not seated: the member joins again and gets the history there is
        }
        MemberInfo info = s.info(nick);
        presence.add(id, info); // back, if it was away
        seats.seatHere(s, info);
        long last = lastSeq;
        for (ServerMessage.Message m : missed.get()) {
            s.deliver(m);
            last = m.seq();
        }
        s.replayed(id, last);
        seats.heard(null);
        room.changed();
        return true;
    }

    /** {@code memberId} was seated here and its {@code joined} listed {@code members}. */
    void joined(String memberId, List<MemberInfo> members) {
        Set<String> told = new HashSet<>();
        members.forEach(m -> told.add(m.id()));
        listedAtJoin.put(memberId, told);
    }

    /**
     * The members seated here since the last sweep whose {@code joined} already told them of
     * {@code p} (a join or leave on another node that reached this node after they joined): they
     * do not get it again.
     */
    private Set<String> knewAtJoin(ServerMessage.Presence p) {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : listedAtJoin.entrySet()) {
            boolean listed = e.getValue().contains(p.member().id());
            if (p.event() == PresenceEvent.JOIN ? listed : !listed) {
                out.add(e.getKey());
            }
            if (p.event() == PresenceEvent.JOIN) { // from now on each of them knows
                e.getValue().add(p.member().id());
            } else {
                e.getValue().remove(p.member().id());
            }
        }
        return out;
    }

    /**
     * The room's broker subscriber when the engines deliver on threads of their own: hands each
     * event to the room's thread; a {@code presence} event (someone joined or left, maybe through
     * another node) refreshes the names and the count there before this node's sessions get it.
     */
    Broker.Subscriber feed(LocalHub hub) {
        return (r, event, except) -> room.execute(() -> {
            Set<String> knew = Set.of();
            if (event instanceof ServerMessage.Presence p) {
                String leaver = null;
                if (p.event() == PresenceEvent.LEAVE) {
                    leaver = p.member().id();
                    departures.announced(leaver);
                    seats.away().leftElsewhere(leaver); // let go by another node's join while away here
                }
                knew = knewAtJoin(p);
                seats.heard(leaver);
            } else if (event instanceof ServerMessage.Notice n && MODE_NOTICES.contains(n.code())) {
                room.refreshModes(); // a moderator changed the lock or slow mode, maybe through another node
            }
            hub.deliver(r, event, except, knew);
        });
    }

    /**
     * The list was re-read between sweeps (a join here, or an event from any node): members listed
     * before and missing now, other than {@code leaver} (null if none) whose leave was announced,
     * become suspects from the next sweep on. Their node may have died, and this re-read must not
     * make the sweep forget they were here (else nobody would ever hear them leave).
     */
    void missing(List<MemberInfo> before, List<MemberInfo> current, String leaver) {
        departures.missing(leaver == null ? before : before.stream().filter(m -> !m.id().equals(leaver)).toList(),
                current);
    }

    /**
     * Every few seconds: adds this node's members again where the shared presence lost them
     * (Redis restarted, or this node was taken for dead), with their nicknames (one taken by
     * someone else meanwhile is claimed again at each sweep, and holds again once they let it go),
     * re-reads the names and the count, and tells this node's sessions of members gone silently
     * (see {@link Departures}); then re-reads the room's lock and slow mode.
     */
    void sweep(long now, long graceMs) {
        List<MemberInfo> current;
        try {
            current = presence.members(id);
            Set<String> ids = new HashSet<>();
            current.forEach(m -> ids.add(m.id()));
            boolean added = false;
            Set<String> here = new HashSet<>();
            for (MemberInfo m : seats.seatedHere()) {
                here.add(m.id());
                Session mine = hub.session(id, m.id());
                if (mine == null || mine.isDetached()) {
                    continue; // a dropped one may be elsewhere
                }
                if (!ids.contains(m.id()) || unclaimed.contains(m.id())) {
                    if (presence.claimNick(id, m.id(), nicks.keys(m.nick()))) {
                        unclaimed.remove(m.id());
                    } else {
                        unclaimed.add(m.id());
                    }
                }
                if (!ids.contains(m.id())) {
                    presence.add(id, m);
                    added = true;
                }
            }
            unclaimed.retainAll(here);
            if (added) {
                current = presence.members(id);
            }
        } catch (RuntimeException e) {
            return; // unreachable now: the next sweep tries again
        }
        List<MemberInfo> gone = departures.sweep(seats.views().listed(), current, now, graceMs);
        listedAtJoin.clear(); // presence events older than a sweep period are not expected any more
        int before = seats.count();
        seats.views().update(current);
        for (MemberInfo m : gone) {
            hub.deliver(id, new ServerMessage.Presence(id, PresenceEvent.LEAVE, m, current.size()), null);
        }
        if (!gone.isEmpty() || before != seats.count()) {
            room.changed();
        }
        room.refreshModes(); // a lock or slow mode whose notice this node missed, or lost by Redis
    }
}
