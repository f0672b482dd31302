package org.kindred.server.room;

import java.util.function.Consumer;
import org.kindred.protocol.RoomMode;
import org.kindred.server.session.Session;

/**
 * The steps of a {@code join}, on the room's thread, in the order the protocol's errors are
 * checked: already here, cool-off, lock, capacity, nickname (valid, then free), then the seat;
 * and the quiet seating of a member resumed from another node.
 */
final class Joins {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Joins.class);
    private Joins() {
    }

    /**
     * Joins on the room's thread; when the room's shared state is unreachable (an engine call
     * throws), {@code then} gets {@code internal} at once and what the join claimed is released.
     */
    static void join(Room room, Session s, String requestedNick, Consumer<Result<Joining>> then) {
        boolean[] answered = new boolean[1];
        Consumer<Result<Joining>> once = r -> {
            answered[0] = true;
            then.accept(r);
        };
        try {
            steps(room, s, requestedNick, once);
        } catch (RuntimeException e) {
            LOG.warn("join failed room={} error={}", room.id(), e.getClass().getSimpleName());
            room.seats().abandon(s);
            if (!answered[0]) {
                then.accept(Result.refused(Refusal.ROOM_UNAVAILABLE));
            }
        }
    }

    /**
     * Seats {@code s}, resumed here from another node, on the room's thread (see
     * {@link Room#adopt}): true when seated with every message it missed; false when not (some are
     * lost, the nickname was taken, or the room's shared state is unreachable: what it claimed is
     * released).
     */
    static boolean adopt(Room room, Session s, String nick, long lastSeq) {
        try {
            return room.seats().adopt(s, nick, lastSeq, room.now());
        } catch (RuntimeException e) {
            LOG.warn("resume failed room={} error={}", room.id(), e.getClass().getSimpleName());
            room.seats().abandon(s);
            return false;
        }
    }

    private static void steps(Room room, Session s, String requestedNick, Consumer<Result<Joining>> then) {
        Seats seats = room.seats();
        if (seats.member(s.memberId()).isPresent()) {
            then.accept(Result.refused(Refusal.ALREADY_IN_ROOM));
            return;
        }
        if (s.isExpired()) {
            return;
        }
        boolean staff = s.role().canModerate();
        long now = room.now();
        Refusal refused = room.policy().mayJoin(s.memberId(), staff, now, seats.seated(), room.config().capacity());
        if (refused != null) {
            then.accept(Result.refused(refused));
            return;
        }
        String nick;
        if (requestedNick != null) {
            nick = seats.nicks().normalise(requestedNick, staff);
            if (nick == null) {
                then.accept(Result.refused(Refusal.NICK_INVALID));
                return;
            }
            if (!seats.nicks().claim(s.memberId(), nick)) {
                then.accept(Result.refused(Refusal.NICK_TAKEN));
                return;
            }
        } else {
            nick = seats.nicks().freePseudonym(s);
        }
        RoomMode mode = room.policy().mode();
        seats.seat(s, s.info(nick), mode, room.config().guidelines(), now, then);
    }
}
