package org.kindred.server.broker;

import java.util.concurrent.CompletionStage;

/**
 * What decides, per room, whether a member may post or join now: the room's lock, slow mode,
 * mutes and the cool-off after a kick. A node's rooms share one implementation; with several
 * nodes it is shared by all of them, so a member refused on one node is refused on every other
 * alike. Room ids and member ids are opaque strings; times are epoch ms as the caller's clock
 * gives them (each call passes its {@code now}).
 *
 * <p>Guarantees every implementation keeps (see the contract tests):
 * <ul>
 *   <li><b>Order of checks.</b> A post is held back by the lock first, then a mute in force, then
 *       slow mode; a join by a cool-off in force first, then the lock. Staff and membership are
 *       not this interface's business: the room checks them.</li>
 *   <li><b>Atomic post.</b> {@link #post} checks and, when slow mode is on and the post is
 *       allowed, records it as the member's last post in one step: of two posts of one member
 *       racing on two nodes under slow mode, at most one is allowed.</li>
 *   <li><b>Waits.</b> A hold says how long until the same request could succeed ({@code waitMs}
 *       {@code > 0}), except the lock (0: until a moderator lifts it). A mute, a cool-off and a
 *       slow-mode wait end by themselves; nothing needs to be cleaned up.</li>
 *   <li><b>Slow mode afresh.</b> Changing slow mode ({@link #slow}) starts everyone's wait afresh.</li>
 *   <li><b>Failure.</b> Over the network, a method fails with an unchecked exception (a stage
 *       completed exceptionally for {@link #post}) when the engine is unreachable or too slow:
 *       fast while it is known to be down, after the command timeout otherwise; never a hang.</li>
 * </ul>
 * {@link #post}, {@link #peekPost} and {@link #knownModes} never wait and may be called on any
 * thread; the others may wait for the network (never on an event loop). The in-memory
 * implementation answers everything at once and is exact for one node. Thread-safe.
 */
public interface Restrictions {

    /** Why a request is held back. */
    enum Kind {
        /** The room is locked. */
        LOCKED,
        /** The member is muted in the room. */
        MUTED,
        /** Slow mode: the member posted too recently. */
        SLOW,
        /** The member was kicked and may not join again yet. */
        COOLING_OFF,
        /**
         * The member's (or its network's) send allowance is spent: only from a
         * {@link Broker#post checked post} of a broker that keeps allowances shared by nodes.
         */
        RATE_LIMITED
    }

    /**
     * A request held back.
     *
     * @param kind why
     * @param waitMs ms until the same request could succeed; 0 for {@link Kind#LOCKED}
     */
    record Hold(Kind kind, long waitMs) {
    }

    /**
     * A room's modes.
     *
     * @param locked whether the room is locked
     * @param slowSeconds seconds between two posts of one member, 0 when slow mode is off
     */
    record Modes(boolean locked, long slowSeconds) {
        /** Unlocked, slow mode off: a room nobody changed. */
        public static final Modes OPEN = new Modes(false, 0);
    }

    /**
     * Checks a post of {@code memberId} in {@code room} at {@code now} and, when it is allowed and
     * slow mode is on, records it as the member's last post, in one step. Never waits.
     *
     * @return completes with null when allowed, else with the hold (nothing recorded); exceptionally
     *     when the engine could not answer
     */
    CompletionStage<Hold> post(String room, String memberId, long now);

    /**
     * What {@link #post} would answer, as far as this node knows without waiting, recording
     * nothing: exact in memory; over the network it may lag a change of the lock, slow mode or a
     * mute made through another node until this node hears of it (the room's notice, the staff
     * event, a decision, a sweep): a refusal it missed is {@link #post}'s to make.
     * For a cheap refusal before anything is spent on a message. Any thread.
     */
    Hold peekPost(String room, String memberId, long now);

    /**
     * Whether {@code memberId} may join {@code room} now: null, or the hold (cool-off, then lock).
     * May wait.
     */
    Hold join(String room, String memberId, long now);

    /**
     * The room's modes now. May wait. An implementation that can lose its state (Redis
     * restarted, nothing kept) and finds none writes back the modes this node last knew.
     */
    Modes modes(String room);

    /** The room's modes as this node last knew them (exact in memory). Never waits; any thread. */
    Modes knownModes(String room);

    /** Locks ({@code true}) or unlocks the room. May wait. */
    void lock(String room, boolean on);

    /** Slow mode on ({@code seconds > 0}) or off; everyone's wait starts afresh. May wait. */
    void slow(String room, long seconds);

    /** Mutes {@code memberId} in {@code room} until {@code until} (epoch ms), replacing any mute. May wait. */
    void mute(String room, String memberId, long until);

    /** Lifts a mute; true when one was in force at {@code now}. May wait. */
    boolean unmute(String room, String memberId, long now);

    /** Keeps {@code memberId} from joining {@code room} again until {@code until} (epoch ms). May wait. */
    void coolOff(String room, String memberId, long until);

    /** Forgets the room's modes (a closed room); mutes, cool-offs and waits end by themselves. May wait. */
    void forget(String room);
}
