package org.kindred.server.room;

import org.kindred.protocol.MemberInfo;
import org.kindred.server.broker.Presence;
import org.kindred.server.session.LocalHub;
import org.kindred.server.session.Session;

/**
 * The seats of a room's members whose connection dropped (their sessions may resume). They are
 * marked away in the room's {@link Presence}, so they count apart from the capacity, which limits
 * connected members only, and sessions that join and drop never lock anyone out; with several
 * nodes the marks are shared, so every node counts every node's dropped members alike. When
 * someone joins while more than the capacity are away, the members away longest leave the room
 * early (their sessions stay resumable, outside the room), wherever they were seated: the node
 * holding one learns it from the {@code leave} (see {@link #leftElsewhere}). Room's thread.
 */
final class AwaySeats {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AwaySeats.class);
    private final Seats seats;
    private final String id;
    private final Presence presence;
    private final LocalHub hub;

    AwaySeats(Seats seats, String id, RoomParts parts) {
        this.seats = seats;
        this.id = id;
        this.presence = parts.presence();
        this.hub = parts.hub();
    }

    /** {@code s}'s connection dropped: its seat counts apart from the capacity. Best effort. */
    void dropped(Session s) {
        if (s.isDetached() && hub.session(id, s.memberId()) != null) {
            mark(s, true);
        }
    }

    /** {@code s} resumed here: its seat counts against the capacity again. Best effort. */
    void back(Session s) {
        if (!s.isDetached()) {
            mark(s, false);
        }
    }

    private void mark(Session s, boolean away) {
        try {
            presence.away(id, s.memberId(), away);
        } catch (RuntimeException e) { // unreachable now: the seat counts as it did (connected, or away)
            LOG.warn("away mark not changed room={} error={}", id, e.getClass().getSimpleName());
        }
    }

    /**
     * Before a seat is taken: lets the members away longest leave while more than {@code capacity}
     * are away (the others hear each leave).
     *
     * @throws RuntimeException when the shared presence is unreachable (nothing changed)
     */
    void makeRoom(int capacity) {
        for (MemberInfo gone : presence.trimAway(id, capacity)) {
            seats.letGo(gone);
        }
    }

    /**
     * A {@code leave} published through any node names {@code memberId}, whom this node still
     * seats: another node's join let it go as away longest (or it left the room after resuming
     * elsewhere). When the shared presence no longer lists it, it leaves the room here without
     * another announcement; when it does (it came back to the room meanwhile), nothing changes.
     * One presence read, only on this path.
     */
    void leftElsewhere(String memberId) {
        Session s = hub.session(id, memberId);
        if (s == null || seats.member(memberId).isEmpty()) {
            return;
        }
        try {
            if (presence.get(id, memberId).isPresent()) {
                return;
            }
        } catch (RuntimeException e) {
            return; // unreachable now: the member stays; its session's end removes it
        }
        seats.quietly(s);
        LOG.debug("away member let go through another node room={}", id);
    }
}
