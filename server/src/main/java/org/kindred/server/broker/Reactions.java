package org.kindred.server.broker;

import java.util.List;
import org.kindred.protocol.ReactionCounts;
import org.kindred.protocol.ReactionKind;
import org.kindred.protocol.ServerMessage;

/**
 * The supportive reactions members give to the messages of each room (protocol 1.1,
 * {@code react}): room state, kept only while the message is in the room's {@link History}, and
 * never durable (like history, nothing is written anywhere; a restart forgets it all).
 *
 * <p>Guarantees every implementation keeps (see {@code ReactionsContract}):
 * <ul>
 *   <li><b>One per kind per member.</b> For each message, a member holds each {@link ReactionKind}
 *       at most once: giving it again changes nothing, taking back one not held changes nothing.
 *       A message's count of a kind is the number of members who hold it, never negative.</li>
 *   <li><b>Only messages the history keeps.</b> A reaction is taken only for a message that the
 *       room's history keeps at {@code now} (see {@link History#find}); for any other message
 *       (never posted, deleted, pushed out by newer ones, or past the maximum age)
 *       {@link #react} answers {@link Outcome#NOT_FOUND} and keeps nothing. Reactions of a
 *       message that left the history are never counted again, and are forgotten within a
 *       bounded number of later reactions in that room (their memory does not grow with the
 *       room's traffic).</li>
 *   <li><b>Counts only.</b> Nothing here ever tells who reacted: the member ids are kept only
 *       to enforce the rule above and no method returns them.</li>
 *   <li><b>Atomic.</b> Each call is atomic: concurrent reactions to one message are all counted,
 *       each exactly once, and the count an {@link Outcome} reports is the one right after its
 *       own change.</li>
 * </ul>
 * Thread-safe. No transport or session types: an implementation may keep the state anywhere the
 * room's history lives (in memory, or in a shared store for a cluster).
 */
public interface Reactions {

    /**
     * What one {@link #react} did.
     *
     * @param found false when the message is not in the room's history (nothing happened)
     * @param changed true when the member's reaction was added or taken back; false when it
     *        already was as asked (or the message was not found)
     * @param count the message's count of that kind after the call (0 when not found)
     */
    record Outcome(boolean found, boolean changed, int count) {
        /** The message is not in the room's history. */
        public static final Outcome NOT_FOUND = new Outcome(false, false, 0);
    }

    /**
     * Gives ({@code remove} false) or takes back ({@code remove} true) {@code member}'s
     * reaction {@code kind} to message {@code msg} of {@code room}.
     *
     * @param now epoch ms, to tell whether the history still keeps the message
     * @return what happened; {@link Outcome#NOT_FOUND} when the history does not keep {@code msg}
     */
    Outcome react(String room, String msg, String member, ReactionKind kind, boolean remove, long now);

    /**
     * The counts of one message ({@link ReactionCounts#NONE} when it has none or is unknown).
     * Does not look at the history: pass only messages it keeps.
     */
    ReactionCounts counts(String room, String msg);

    /**
     * {@code messages} (the room's history, as {@link History#recent} gave it) in the same order,
     * each with its {@code reactions} counts set ({@link ReactionCounts#NONE} when none).
     */
    default List<ServerMessage.Message> withCounts(String room, List<ServerMessage.Message> messages) {
        return messages.stream().map(m -> m.withReactions(counts(room, m.msg()))).toList();
    }

    /** How many messages of {@code room} have reactions kept now (bounded; for tests and metrics). */
    int tracked(String room);

    /** Forgets every reaction of {@code room} (a closed private room). */
    void clear(String room);
}
