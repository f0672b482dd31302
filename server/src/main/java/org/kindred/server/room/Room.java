package org.kindred.server.room;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.RoomSummary;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.session.LocalHub;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;

/**
 * A room. Its changes (members, messages, modes) are made on one thread ({@link RoomThread}); every
 * public method only schedules work there (or reads state safe from any thread), so there are
 * no locks on the hot path and every member, the sender included, sees events in the same
 * order. The {@link RoomPolicy} checks early who may post; the {@link Broker} decides a post as
 * it numbers, keeps and carries it; {@link Presence} knows who is here; this node's sessions
 * get the room's events through the {@link LocalHub}, the room's broker subscriber. Requests get
 * a {@link Result} before the events they cause are delivered; the request layer writes the
 * replies.
 *
 * <p>With engines that do network I/O ({@link RoomParts#remote()}) the room's thread is a worker
 * that may wait for them, never an event loop; the broker's deliveries are handed back to it
 * before they touch the room or its sessions. A post's result comes from the broker's completion
 * (on whatever thread that is): its {@code sent} reply only writes to the author's connection.
 */
public final class Room {
    private final RoomConfig config;
    private final String id;
    private final RoomThread thread;
    private final Broker broker;
    private final LongSupplier clock;
    private final boolean remote;
    private final RoomPolicy policy;
    private final ReportLedger reports = new ReportLedger();
    private final Seats seats;
    private final RoomControls controls;
    private final RoomReactions reactions;
    private final RoomPosts posts;
    private final RoomQueries queries;
    /** Told this room's summary after every change of its people count or lock (room thread). */
    private volatile Consumer<RoomSummary> changes = summary -> { };

    /** A room with parts of its own, all in memory (tests and single rooms). */
    public Room(RoomConfig config, Executor executor, ProtocolCodec codec, Metrics metrics, NickRules nicks,
            int historySize, long historyMaxAgeMillis, LongSupplier clock) {
        this(config, executor, RoomParts.inMemory(codec, metrics, nicks, historySize, historyMaxAgeMillis, clock));
    }

    /** A room of a node whose rooms share {@code parts}; subscribes its hub to the room's events. */
    public Room(RoomConfig config, Executor executor, RoomParts parts) {
        this.config = config;
        this.id = config.id();
        this.thread = new RoomThread(executor);
        this.broker = parts.broker();
        this.clock = parts.clock();
        this.remote = parts.remote();
        this.policy = new RoomPolicy(id, parts.restrictions());
        this.seats = new Seats(this, parts);
        this.controls = new RoomControls(this, parts);
        this.reactions = new RoomReactions(this, parts);
        this.posts = new RoomPosts(this, parts);
        this.queries = new RoomQueries(this, parts.history());
        Broker.Subscriber subscriber = remote ? seats.feed(parts.hub()) : parts.hub();
        execute(() -> broker.subscribe(id, subscriber)); // may wait for the network: on the room's thread
    }

    public String id() {
        return id;
    }

    public RoomConfig config() {
        return config;
    }

    /** Safe from any thread; may lag the room's thread by a moment. */
    public RoomSummary summary() {
        return new RoomSummary(id, config.title(), config.topic(), seats.count(), config.capacity(), policy.locked());
    }

    /**
     * Sets the one listener told, on the room's thread, this room's {@link #summary()} after every
     * join, leave, lock and unlock (the console's live counts). It must not block.
     */
    public void onChange(Consumer<RoomSummary> listener) {
        this.changes = Objects.requireNonNull(listener, "listener");
    }

    public long slowSeconds() {
        return policy.slowSeconds();
    }

    public boolean locked() {
        return policy.locked();
    }

    /** The members' nicknames now, for telling "@nick" mentions from handles. Any thread. */
    public List<String> mentionable() {
        return seats.mentionable();
    }

    public int memberCount() {
        return seats.count();
    }

    /** The executor that owns this room's state (for tests). */
    public Executor executorForTests() {
        return thread.executor();
    }

    /** Runs work on the room's thread. */
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /** Runs {@code work} on the room's thread and completes with its result. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        return thread.call(work);
    }

    /**
     * Whether {@code s} may post here now (member, lock, mute, slow mode), checked on the
     * caller's thread before moderation and risk assessment spend anything on the message: the
     * refusal, or null. The room checks again when the message arrives ({@link #post}).
     */
    public Refusal mayPost(Session s, long now) {
        return policy.mayPost(s.nickIn(id) != null, s.role().canModerate(), s.memberId(), now);
    }

    /**
     * Joins {@code s} as {@code requestedNick} (null: a pseudonym). {@code then} gets, on the
     * room's thread, what the member sees or why it may not join, before the others hear of it;
     * an expired session gets nothing.
     */
    public void join(Session s, String requestedNick, Consumer<Result<Joining>> then) {
        execute(() -> Joins.join(this, s, requestedNick, then));
    }

    /**
     * Seats a member resumed here from another node, as {@code nick}, without announcing it, and
     * hands its session the messages after {@code lastSeq}: completes true when every one could
     * be, false when some are lost (the member should join again) or on failure.
     */
    public CompletableFuture<Boolean> adopt(Session s, String nick, long lastSeq) {
        return call(() -> Joins.adopt(this, s, nick, lastSeq));
    }

    /** Leaves; {@code then} gets ok or {@code not_in_room} (or {@code internal}) on the room's thread. */
    public void leave(Session s, Consumer<Result<Void>> then) {
        execute(() -> then.accept(seats.leave(s)));
    }

    /**
     * Posts a message of request {@code reqId} (the client's {@code id}, or null) that passed moderation,
     * checked again by the broker as it numbers it; {@code then} gets the message's id before anyone gets it
     * (on the broker's thread), or the refusal (the rules', or {@code internal}: nothing was delivered) on the
     * room's thread. A retry (same member, {@code reqId} and text, see {@link Broker#REQUEST_WINDOW_MS}) gets
     * the first one's id and is not delivered again.
     */
    public void post(Session s, String reqId, String text, Consumer<Result<String>> then) {
        execute(() -> posts.post(s, reqId, text, then));
    }

    /** The msg id request {@code reqId} of {@code s} with {@code text} was delivered as, or empty; never waits. */
    public CompletionStage<Optional<String>> earlier(Session s, String reqId, String text) {
        return posts.earlier(s, reqId, text);
    }

    /** Tells the others that {@code s} is typing; {@code then} gets only a refusal ({@code not_in_room}). */
    public void typing(Session s, Consumer<Refusal> then) {
        execute(() -> posts.typing(s, then));
    }

    /** What the request layer and staff tools read from this room: messages, reports, members. */
    public RoomQueries queries() {
        return queries;
    }

    /**
     * Delivers a message that was held and is now approved; the room gets it as a new message.
     * Completes with it once numbered, or exceptionally when the broker could not accept it.
     */
    public CompletableFuture<ServerMessage.Message> deliverApproved(MemberInfo from, String msgId, String text) {
        return call(() -> posts.publish(from, msgId, text, null, m -> { })).thenCompose(f -> f);
    }

    /** The moderators' levers on this room: delete, mute, kick, slow mode, lock. */
    public RoomControls controls() {
        return controls;
    }

    /** The members' supportive reactions to this room's messages. */
    public RoomReactions reactions() {
        return reactions;
    }

    /** The member's connection dropped; its seat now counts apart from the capacity. Any thread. */
    public void detached(Session s) {
        execute(() -> seats.detached(s));
    }

    /** The member resumed on a new connection; its seat counts against the capacity again. Any thread. */
    public void attached(Session s) {
        execute(() -> seats.attached(s));
    }

    /** The member's session ended (resume window over, or ended by the server). */
    public void expire(Session s) {
        execute(() -> seats.remove(s));
    }

    /** Forgets everything of this room once the work queued so far is done (a closed private room). */
    public void close() {
        execute(() -> {
            broker.close(id);
            policy.forget();
            seats.clear();
            reactions.clear();
        });
    }

    /** Stops this node receiving the room's events (after the work already queued); its shared state stays. */
    public void unsubscribe() {
        execute(() -> broker.unsubscribe(id));
    }

    /**
     * With shared engines, every few seconds: re-adds this node's members where the shared
     * presence lost them, refreshes the names and count, and tells this node's members of members
     * who vanished without a leave (their node died) once missing for {@code graceMs}, and re-reads
     * the lock and slow mode. Any thread; nothing with engines in this process.
     */
    public void sweep(long graceMs) {
        if (remote) {
            execute(() -> seats.sweep(clock.getAsLong(), graceMs));
        }
    }

    /** Re-reads the room's modes ({@link RoomPolicy#refresh}); tells the listener when the lock changed. */
    void refreshModes() {
        if (policy.refresh()) {
            changed();
        }
    }

    /** Tells the listener the room's summary changed; room's thread. */
    void changed() {
        changes.accept(summary());
    }

    Seats seats() {
        return seats;
    }

    RoomPolicy policy() {
        return policy;
    }

    ReportLedger reports() {
        return reports;
    }

    long now() {
        return clock.getAsLong();
    }
}
