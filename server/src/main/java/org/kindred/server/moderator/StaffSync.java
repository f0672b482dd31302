package org.kindred.server.moderator;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.kindred.protocol.CloseCodes;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.StaffChange;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.ParkedSessions;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.AuditStore;
import org.kindred.server.store.Ban;
import org.kindred.server.store.Mute;
import org.kindred.server.store.MuteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies on this node the staff changes other nodes made ({@link ClusterEvents}):
 * <ul>
 *   <li>a ban: the ban list is reloaded from the store and the banned member's session on this
 *       node, if any, ends and its connection closes with {@link CloseCodes#BANNED}; a ban made on
 *       a node the member was not connected to has no network fingerprint yet, and this node adds
 *       the one it knows (and tells the others); any other session here that the ban would have
 *       refused at {@code hello} had this node known it then (opened since the ban was made, by
 *       another member id from the banned network) ends the same way;</li>
 *   <li>a lifted ban: the ban list is reloaded;</li>
 *   <li>a mute: the member is paused in this node's copy of the room until the stored end, and
 *       told so if connected here (as on the node where the moderator acted);</li>
 *   <li>a lifted mute: the pause ends here, and the member is told;</li>
 *   <li>a kick made on a node the member was not connected to: the member, if seated here, gets
 *       {@code kicked} with the reason of the latest kick in the audit log and leaves the room
 *       (its cool-off is already in the shared room rules);</li>
 *   <li>a session taken over by another node: this node's copy closes quietly;</li>
 *   <li>a resync (events may have been missed): the ban list is reloaded, the sessions here a ban
 *       in force covers end as above (a ban's member's session here gives the ban its network
 *       fingerprint if it has none yet, as the ban's event would), and every stored mute is
 *       restored, silently; and members
 *       seated here whose kick cool-off is in force (a kick whose event was missed) get
 *       {@code kicked}, without a reason, and leave the room.</li>
 * </ul>
 * This node's own changes are skipped: it applied them when it made them. Store work runs on
 * the blocking executor, never on the events' delivery thread.
 */
public final class StaffSync implements ClusterEvents.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StaffSync.class);

    private final ClusterEvents events;
    private final BanList bans;
    private final MuteStore mutes;
    private final RoomRegistry rooms;
    private final SessionRegistry sessions;
    private final Executor blocking;
    private final LongSupplier clock;
    private final AuditStore audit;
    private volatile ClusterEvents.Subscription subscription;

    /**
     * @param blocking runs the store reads
     * @param clock    epoch ms, the clock mutes are stamped with
     */
    public StaffSync(ClusterEvents events, BanList bans, MuteStore mutes, RoomRegistry rooms, SessionRegistry sessions,
            Executor blocking, LongSupplier clock) {
        this(events, bans, mutes, rooms, sessions, blocking, clock, null);
    }

    /**
     * As above, reading the reasons of kicks from {@code audit} (null: a kicked member is told no reason).
     */
    public StaffSync(ClusterEvents events, BanList bans, MuteStore mutes, RoomRegistry rooms, SessionRegistry sessions,
            Executor blocking, LongSupplier clock, AuditStore audit) {
        this.audit = audit;
        this.events = events;
        this.bans = bans;
        this.mutes = mutes;
        this.rooms = rooms;
        this.sessions = sessions;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Starts listening (and, in a cluster, announcing the sessions adopted here); returns this. */
    public StaffSync start() {
        subscription = events.subscribe(this);
        ParkedSessions parked = sessions.shared();
        if (parked != null) {
            parked.onAdopted(m -> events.publish(StaffChange.resumed(m, events.nodeId())));
        }
        return this;
    }

    @Override
    public void changed(StaffChange c) {
        if (events.nodeId().equals(c.origin())) {
            return;
        }
        run(() -> {
            switch (c.kind()) {
                case BAN -> banned(c.banId(), c.memberId());
                case UNBAN -> bans.reload();
                case MUTE -> muted(c.room(), c.memberId());
                case UNMUTE -> unmuted(c.room(), c.memberId());
                case KICK -> kicked(c.room(), c.memberId());
                case RESUMED -> resumedElsewhere(c.memberId());
                case HELD -> { } // told by the review queue (ReviewQueue.tellVia)
                case REACH, REACH_INVITED, REACH_REFUSED, REACH_DECLINED, REACH_CLOSED -> { } // the hand-off's own
                default -> throw new IllegalStateException("kind " + c.kind());
            }
        }, c.kind().name());
    }

    @Override
    public void resync() {
        run(this::kickedWhileAway, "resync kicks"); // needs Redis only: runs even while the store is down
        run(() -> {
            bans.reload();
            for (Ban b : bans.active()) {
                closeCovered(b);
            }
            for (Mute m : mutes.listActive(clock.getAsLong())) {
                Room room = rooms.get(m.room());
                if (room != null) {
                    room.controls().restoreMute(m.memberId(), m.until());
                }
            }
            LOG.info("staff state reloaded from the store");
        }, "resync");
    }

    private void banned(String banId, String memberId) {
        Session s = memberId == null ? null
                : sessions.byMember(memberId).filter(x -> !x.role().canModerate()).orElse(null);
        try {
            bans.reload(); // first, so that a reconnect is refused
            if (s != null && s.fingerprint() != null) { // made where the member was not: this node knows its network
                bans.addFingerprint(banId, s.fingerprint());
            }
        } finally { // the event says banned: close even if the store could not be read
            if (s != null) {
                close(s);
            }
            bans.inForce(banId).ifPresent(this::closeCovered);
        }
    }

    /**
     * Ends the sessions here that {@code ban} would have refused at {@code hello} had this node held
     * it then: the banned member's, and those from its network opened since it was made (they beat
     * the ban's event here; a member from that network already here before it stays, as on the
     * node that made it). Compares this node's clock with the banning node's. A ban still without
     * a network fingerprint gets the banned member's first: whichever of the ban's event and a
     * resync ends the member's session here, the one that does knows its network.
     */
    private void closeCovered(Ban ban) {
        Session member = ban.memberId() == null ? null
                : sessions.byMember(ban.memberId()).filter(x -> !x.role().canModerate()).orElse(null);
        if (member != null && ban.fingerprint() == null && member.fingerprint() != null) {
            try {
                bans.addFingerprint(ban.id(), member.fingerprint());
                ban = bans.inForce(ban.id()).orElse(ban);
            } catch (RuntimeException e) { // the session closes all the same
                LOG.warn("network fingerprint not added to a ban ban={} error={}", ban.id(),
                        e.getClass().getSimpleName());
            }
        }
        for (Session s : sessions.all()) {
            if (!s.role().canModerate() && (s.memberId().equals(ban.memberId())
                    || ban.fingerprint() != null && ban.fingerprint().equals(s.fingerprint())
                            && s.createdAt() >= ban.createdAt())) {
                close(s);
            }
        }
    }

    /**
     * Another node took over {@code memberId}'s session: the copy here, if its record is marked
     * taken, ends and its connection closes normally; nobody is told it left (it is still there).
     */
    private void resumedElsewhere(String memberId) {
        Session s = sessions.byMember(memberId).orElse(null);
        ParkedSessions parked = sessions.shared();
        if (s == null || parked == null) {
            return;
        }
        parked.takenElsewhere(s).thenAcceptAsync(taken -> { // off Redis's I/O thread
            if (taken) {
                sessions.endAndClose(s, CloseCodes.NORMAL, "Session resumed on another node");
                LOG.info("session taken over by another node closed here member={}", memberId);
            }
        }, blocking).exceptionally(e -> {
            LOG.debug("takeover not checked: {}", e.getClass().getSimpleName());
            return null;
        });
    }

    private void close(Session s) {
        sessions.endAndClose(s, CloseCodes.BANNED, "Banned by a moderator");
        LOG.info("banned member's session closed on this node member={}", s.memberId());
    }

    private void muted(String roomId, String memberId) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return;
        }
        mutes.active(roomId, memberId, clock.getAsLong()).ifPresent(m -> room.controls().mute(memberId, m.until(),
                AuditLog.SYSTEM.equals(m.mutedBy()) ? Sentence.of("notice.muted.auto") // as the sending node says it
                        : Mutes.sentence(Math.max(1, (m.until() - m.createdAt()) / 1000), m.reason())));
    }

    private void unmuted(String roomId, String memberId) {
        Room room = rooms.get(roomId);
        if (room != null) {
            room.controls().unmute(memberId);
        }
    }

    /** How many of a member's latest audit entries are looked through for its kick's reason. */
    private static final int KICK_LOOKBACK = 20;

    private void kicked(String roomId, String memberId) {
        Room room = rooms.get(roomId);
        if (room == null || sessions.byMember(memberId).isEmpty()) {
            return; // not connected here: nothing to remove
        }
        String reason = null;
        if (audit != null) {
            for (AuditEntry e : audit.forTarget(memberId, KICK_LOOKBACK)) { // newest first
                if (AuditAction.KICK.id().equals(e.action()) && roomId.equals(e.room())) {
                    reason = e.reason();
                    break;
                }
            }
        }
        room.controls().removeKicked(memberId, reason).thenAccept(removed -> {
            if (removed) {
                LOG.info("member kicked through another node removed here room={} member={}", roomId, memberId);
            }
        });
    }

    /** Removes the members seated here whom a kick missed by this node keeps out (their cool-off is shared). */
    private void kickedWhileAway() {
        for (Room room : rooms.all()) {
            room.controls().removeCoolingOff().thenAccept(n -> {
                if (n > 0) {
                    LOG.info("members kicked while this node was away removed room={} members={}", room.id(), n);
                }
            });
        }
    }

    private void run(Runnable work, String what) {
        try {
            blocking.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("staff change not applied kind={} error={}", what, e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("staff change not applied: shutting down");
        }
    }

    /** Stops listening. */
    @Override
    public void close() {
        ClusterEvents.Subscription s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
