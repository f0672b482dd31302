package org.kindred.server.broker;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ServerMessage;

/**
 * Room-wide events, published and subscribed per room, and the room's message numbering. A
 * node subscribes once per room it serves; everything published to the room (from this node
 * or, with a networked implementation, from another) comes back to that subscriber, which
 * delivers it to the node's own connections. So a local publish and a remote one take the same
 * delivery path.
 *
 * <p>Guarantees every implementation keeps (see the contract tests):
 * <ul>
 *   <li><b>Numbering.</b> {@link #publish} gives a room's messages {@code seq} 1, 2, 3 … in the
 *       order it accepts them: strictly increasing, without gaps, never reused while the room is
 *       open. Rooms are numbered independently. (An implementation that lost a room's numbering
 *       may go on above it with a jump, never below: a new history, see {@code RedisBroker}.)</li>
 *   <li><b>Ordering.</b> A subscriber gets one room's events one at a time, in the order they
 *       were accepted (messages in {@code seq} order), each at most once.</li>
 *   <li><b>Asynchronous publish.</b> {@link #publish} never waits for the network: it returns a
 *       stage at once. A room's publications started from one thread are numbered in the order
 *       they were started.</li>
 *   <li><b>What completion means.</b> The stage completes with the message as delivered, with its
 *       {@code seq}, once it is numbered and in the room's {@link History}; {@code accepted} has
 *       run just before (on the completing thread), and no subscriber gets the message before
 *       {@code accepted} returned.</li>
 *   <li><b>Failure.</b> When a message cannot be accepted, the stage completes exceptionally with
 *       {@link BrokerException}: {@code accepted} did not run, nothing was delivered or kept, and
 *       no {@code seq} was used up. Failure comes within a bounded time (an implementation over
 *       the network fails at once while it knows its server is unreachable, and after its command
 *       timeout otherwise), never a stage left pending. Events of {@link #broadcast} are best
 *       effort.</li>
 *   <li><b>Checked posts.</b> {@link #post} checks a retry, then the room's
 *       {@link #restrictions()}, then (where kept) the shared allowance, in the step that numbers
 *       the message: no lock or mute set meanwhile lets it through after that change's notice,
 *       and a retry of an accepted request gets its first answer whatever they say now.</li>
 * </ul>
 * The in-memory implementation numbers, runs {@code accepted} and calls the subscriber on the
 * publishing thread, and returns a completed stage. An implementation over the network delivers
 * on threads of its own, one room's events one at a time; whoever keeps state per room hops back
 * to the room's owner from there. {@link #subscribe}, {@link #unsubscribe} and {@link #close} may
 * wait for the network: never call them on an event loop. Thread-safe.
 */
public interface Broker {

    /** Receives a room's events on this node. Must not block. */
    @FunctionalInterface
    interface Subscriber {
        /**
         * @param room the room the event belongs to
         * @param event a {@code message} (numbered) or any other room event
         * @param exceptMember the member who must not get it (the typist, the joiner), or null
         */
        void deliver(String room, ServerMessage event, String exceptMember);
    }

    /** Delivers {@code room}'s events to {@code subscriber} from now on (replacing any other). */
    void subscribe(String room, Subscriber subscriber);

    /** Stops delivering {@code room}'s events to this node. */
    void unsubscribe(String room);

    /**
     * Publishes a chat message without waiting: numbers it, keeps it in the room's history, runs
     * {@code accepted} (e.g. to reply {@code sent} to its author first), then delivers it. Checks
     * no rules: for messages already admitted (a held message a moderator approved).
     *
     * @param ts when it was posted, epoch ms
     * @param accepted runs once with the numbered message before any subscriber gets it, on the
     *     thread completing the stage (the caller's, or one of the implementation's): it must not
     *     block, and must not touch state confined to another thread
     * @return completes with the message and its {@code seq}, or exceptionally with
     *     {@link BrokerException} when it could not be accepted (nothing happened)
     */
    default CompletionStage<ServerMessage.Message> publish(String room, MemberInfo from, String msgId, String text,
            long ts, Consumer<ServerMessage.Message> accepted) {
        return publish(room, from, msgId, text, ts, null, accepted);
    }

    /**
     * {@link #publish(String, MemberInfo, String, String, long, Consumer)} at most once per
     * request: a publication of the same room with the same {@code requestKey} and the same
     * {@code text} as one accepted within the last {@link #REQUEST_WINDOW_MS} (a client's retry
     * of a {@code send} whose reply it lost, perhaps through another node after a resume) is
     * neither numbered, kept nor delivered again: {@code accepted} runs and the stage completes
     * with the earlier message's {@code msg} id and {@code seq} (and this call's other fields),
     * so the retry gets the same {@code sent}. A different text under the same key is a new
     * message (a client that reuses its request ids loses nothing).
     *
     * @param requestKey who asked and the request's id, e.g. {@code memberId + "\n" + reqId};
     *     null when the request carried no id (every publication is then new)
     */
    default CompletionStage<ServerMessage.Message> publish(String room, MemberInfo from, String msgId, String text,
            long ts, String requestKey, Consumer<ServerMessage.Message> accepted) {
        return post(room, from, msgId, text, ts, requestKey, null, accepted).thenApply(Posted::message);
    }

    /**
     * A member's post, checked in the very step that numbers it: in this order, (1) a retry of a
     * request accepted within the window (as {@link #publish(String, MemberInfo, String, String,
     * long, String, Consumer) publish} with a request key) gets the earlier message, whatever the
     * rules say now; (2) when {@code admission.rules()}, the room's {@link #restrictions()} (lock,
     * mute, slow mode, as {@link Restrictions#post}, and a post allowed under slow mode is
     * recorded); (3) where the broker keeps send allowances shared by nodes, the member's and its
     * network's allowance (taken from both or neither); (4) numbering, keeping, {@code accepted},
     * delivery. No change of the rules that another call makes (a lock, a mute) falls between
     * (2) and (4): a post that was not held is numbered before anything published after that
     * change (a lock's notice), and one checked after it is held. A held post uses no number,
     * records nothing and delivers nothing.
     *
     * @param admission whose post and which checks apply; null for none (as {@code publish})
     * @return completes with the message (numbered, or the retry's earlier one) or the hold; or
     *     exceptionally with {@link BrokerException} as {@code publish}
     */
    CompletionStage<Posted> post(String room, MemberInfo from, String msgId, String text, long ts, String requestKey,
            Admission admission, Consumer<ServerMessage.Message> accepted);

    /**
     * Who posts, for {@link #post}.
     *
     * @param memberId the author's member id
     * @param rules whether the room's {@link Restrictions} may hold the post back (false for staff)
     * @param fingerprint the author's network fingerprint, for a shared send allowance; null when unknown
     */
    record Admission(String memberId, boolean rules, String fingerprint) {
        public Admission {
            java.util.Objects.requireNonNull(memberId, "memberId");
        }
    }

    /**
     * What {@link #post} came to: exactly one of {@code message} (numbered, or a retry's earlier
     * one) and {@code held} (why it was held back; nothing happened).
     */
    record Posted(ServerMessage.Message message, Restrictions.Hold held) {
    }

    /** The rules {@link #post} checks: the room's lock, slow mode and mutes as this node sets them. */
    Restrictions restrictions();

    /**
     * The msg id of the message request {@code requestKey} with {@code text} was accepted as within
     * the window before {@code now} (epoch ms), or empty; never waits. For answering a retry that
     * a quick check would refuse (the request was in fact delivered).
     *
     * @return completes with the msg id or empty; exceptionally when the engine could not answer
     */
    CompletionStage<java.util.Optional<String>> earlier(String room, String requestKey, String text, long now);

    /** How long a request is remembered for {@link #publish(String, MemberInfo, String, String, long, String,
     * Consumer) catching its retries}, ms: longer than the resume window, so a retry after a resume is caught. */
    long REQUEST_WINDOW_MS = 5 * 60_000L;

    /**
     * Delivers an event that is neither numbered nor kept (presence, typing, notices,
     * deletions) to the room's subscribers, in order with its messages.
     */
    void broadcast(String room, ServerMessage event, String exceptMember);

    /** Forgets {@code room}: its subscriber, its numbering and its history (a closed private room). */
    void close(String room);
}
