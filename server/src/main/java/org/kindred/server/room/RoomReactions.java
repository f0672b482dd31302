package org.kindred.server.room;

import java.util.Optional;
import java.util.function.Consumer;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ReactionKind;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.Reactions;
import org.kindred.server.session.Session;

/**
 * One room's side of the supportive reactions (protocol 1.1 {@code react}): on the room's
 * thread, checks that the member is here and the message still in the history, records the
 * change in the node's {@link Reactions}, and tells every member of the room (the reacting one
 * included) with a {@code reaction} event through the {@link Broker}, the same path as every
 * other room event. Reactions pass no text, so lock, slow mode and mutes do not stop them; the
 * request layer limits how often a member may react.
 */
public final class RoomReactions {
    /** The message is not (or no longer) in the room's history. */
    static final Refusal GONE = Refusal.of(ErrorCode.NOT_FOUND, "error.reaction_gone");

    private final Room room;
    private final Broker broker;
    private final Reactions reactions;

    RoomReactions(Room room, RoomParts parts) {
        this.room = room;
        this.broker = parts.broker();
        this.reactions = parts.reactions();
    }

    /**
     * Gives ({@code remove} false) or takes back {@code s}'s reaction {@code kind} to message
     * {@code msg}. {@code then} gets, on the room's thread and before the room hears of it, null
     * when it was done (or already was as asked: nothing is announced then), else the refusal:
     * {@code not_in_room} when {@code s} is not here, {@code not_found} when the message is not
     * in the room's history. A change is then announced to the whole room as {@code reaction}
     * with the message's new count of that kind.
     */
    public void react(Session s, String msg, ReactionKind kind, boolean remove, Consumer<Refusal> then) {
        room.execute(() -> {
            Optional<MemberInfo> who = room.seats().member(s.memberId());
            if (who.isEmpty()) {
                then.accept(Refusal.NOT_IN_ROOM);
                return;
            }
            Reactions.Outcome o = reactions.react(room.id(), msg, s.memberId(), kind, remove, room.now());
            if (!o.found()) {
                then.accept(GONE);
                return;
            }
            then.accept(null);
            if (o.changed()) {
                broker.broadcast(room.id(), new ServerMessage.Reaction(room.id(), msg, kind, o.count(),
                        new MemberInfo(who.get().id(), who.get().nick(), null), remove), null);
            }
        });
    }

    /** Forgets the room's reactions (a closed private room); room's thread. */
    void clear() {
        reactions.clear(room.id());
    }
}
