package org.kindred.server.room;

import java.util.concurrent.CompletableFuture;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.History;
import org.kindred.server.broker.Presence;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.session.LocalHub;
import org.kindred.server.session.Session;

/**
 * The moderators' levers on one room: delete a message, mute and unmute, kick, slow mode and
 * lock. Each runs on the room's thread and completes once done; the people concerned are told
 * (the member for mutes and kicks, the room for the rest).
 */
public final class RoomControls {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RoomControls.class);
    private final Room room;
    private final Broker broker;
    private final History history;
    private final LocalHub hub;
    private final Presence presence;
    /** Whether the presence is shared by several nodes (a member may be in the room through another). */
    private final boolean remote;

    /** Where {@link #kickAnywhere} found the member. */
    public enum Kicked {
        /** Seated through this node: removed here, told {@code kicked}. */
        HERE,
        /** In the room through another node only: the cool-off is set; that node must remove it. */
        ELSEWHERE,
        /** In the room on no node: nothing changed. */
        NOWHERE
    }

    RoomControls(Room room, RoomParts parts) {
        this.room = room;
        this.broker = parts.broker();
        this.history = parts.history();
        this.hub = parts.hub();
        this.presence = parts.presence();
        this.remote = parts.remote();
    }

    /**
     * Whether {@code memberId} is in the room now: seated through this node or, with engines shared
     * by several nodes, through any node (asks the shared presence: completes exceptionally when
     * it cannot be read).
     */
    public CompletableFuture<Boolean> inRoom(String memberId) {
        return room.call(() -> room.seats().member(memberId).isPresent()
                || remote && presence.get(room.id(), memberId).isPresent());
    }

    /** Removes a message from history and tells every member it was deleted. */
    public CompletableFuture<Boolean> delete(String msg) {
        return room.call(() -> {
            boolean known = history.remove(room.id(), msg);
            room.reports().forget(msg);
            broker.broadcast(room.id(), new ServerMessage.Deleted(room.id(), msg), null);
            return known;
        });
    }

    /**
     * Mutes a member here until {@code until}; tells the member {@code why} (notice {@code muted}, in
     * the member's language). False if not in the room.
     */
    public CompletableFuture<Boolean> mute(String memberId, long until, Sentence why) {
        return room.call(() -> {
            room.policy().mute(memberId, until);
            return hub.sendTo(room.id(), memberId, why.notice(room.id(), "muted"));
        });
    }

    /** Restores a mute read from the store at start-up. */
    public void restoreMute(String memberId, long until) {
        room.execute(() -> {
            try {
                room.policy().mute(memberId, until);
            } catch (RuntimeException e) { // unreachable now: the next resync restores it
                LOG.warn("a stored mute was not restored room={} error={}", room.id(), e.getClass().getSimpleName());
            }
        });
    }

    /** Lifts a mute; tells the member (notice {@code unmuted}, in the member's language). False if there was none. */
    public CompletableFuture<Boolean> unmute(String memberId) {
        return room.call(() -> {
            boolean was = room.policy().unmute(memberId, room.now());
            hub.sendTo(room.id(), memberId, Sentence.of("notice.unmuted").notice(room.id(), "unmuted"));
            return was;
        });
    }

    /**
     * Kicks a member wherever it is in the room; it may not rejoin for {@code coolOffMs}. Seated
     * here: it gets {@code kicked} (with {@code reason}, or an empty one) and leaves the room. In the
     * room only through another node (shared presence): the cool-off is set in the shared rules and
     * {@link Kicked#ELSEWHERE} tells the caller to have that node remove it ({@link #removeKicked}).
     * Completes exceptionally when the shared engines cannot be reached.
     */
    public CompletableFuture<Kicked> kickAnywhere(String memberId, String reason, long coolOffMs) {
        return room.call(() -> {
            Session s = room.seats().session(memberId);
            if (s != null) {
                room.policy().coolOff(memberId, room.now() + coolOffMs);
                removeHere(s, reason);
                return Kicked.HERE;
            }
            if (!remote || presence.get(room.id(), memberId).isEmpty()) {
                return Kicked.NOWHERE;
            }
            room.policy().coolOff(memberId, room.now() + coolOffMs);
            return Kicked.ELSEWHERE;
        });
    }

    /**
     * Removes a member kicked through another node, whose cool-off that node already set: the
     * member gets {@code kicked} with {@code reason} and the room sees it leave, as for
     * {@link #kickAnywhere}.
     * False if it is not seated here.
     */
    public CompletableFuture<Boolean> removeKicked(String memberId, String reason) {
        return room.call(() -> {
            Session s = room.seats().session(memberId);
            if (s == null) {
                return false;
            }
            removeHere(s, reason);
            return true;
        });
    }

    /**
     * Removes every member seated here whose kick cool-off is in force in the room's rules: a
     * kick made through another node whose event this node missed (staff events are not kept
     * while a node is disconnected). Each gets {@code kicked} without a reason and the room sees
     * it leave. Staff are never removed. Completes with how many were removed, exceptionally when
     * the shared rules cannot be read.
     */
    public CompletableFuture<Integer> removeCoolingOff() {
        return room.call(() -> {
            int removed = 0;
            for (org.kindred.protocol.MemberInfo m : java.util.List.copyOf(room.seats().seatedHere())) {
                Session s = room.seats().session(m.id());
                if (s != null && !s.role().canModerate() && room.policy().coolingOff(m.id(), room.now())) {
                    removeHere(s, null);
                    removed++;
                }
            }
            return removed;
        });
    }

    /** On the room's thread: tells {@code s} it is kicked and takes it out of the room (the room sees it leave). */
    private void removeHere(Session s, String reason) {
        s.deliver(new ServerMessage.Kicked(room.id(), reason == null ? "" : reason));
        room.seats().remove(s);
    }

    /** Turns slow mode on ({@code seconds > 0}) or off; tells the room, each member in their language. */
    public CompletableFuture<Void> slow(long seconds) {
        return room.call(() -> {
            room.policy().slow(seconds);
            Sentence said = seconds == 0 ? Sentence.of("notice.slow_mode.off")
                    : Sentence.of("notice.slow_mode.on", "seconds", seconds);
            broker.broadcast(room.id(), said.notice(room.id(), "slow_mode"), null);
            return null;
        });
    }

    /** Locks or unlocks the room; tells the room, each member in their language. */
    public CompletableFuture<Void> lock(boolean on) {
        return room.call(() -> {
            room.policy().lock(on);
            broker.broadcast(room.id(), Sentence.of(on ? "notice.locked" : "notice.unlocked")
                    .notice(room.id(), on ? "locked" : "unlocked"), null);
            room.changed();
            return null;
        });
    }
}
