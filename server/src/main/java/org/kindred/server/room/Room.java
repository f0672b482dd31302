package org.kindred.server.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.PresenceEvent;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.RoomMode;
import org.kindred.protocol.RoomSummary;
import org.kindred.protocol.SendStatus;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.session.Fanout;
import org.kindred.server.transport.Outbound;
import org.kindred.server.transport.SharedFrame;
import org.kindred.server.common.Ids;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;

/**
 * A room. All of its state (members, sequence, history, modes) is owned by one thread, its
 * executor; every public method only schedules work there, so there are no locks on the hot
 * path and every member, the sender included, sees events in the same order. Each event is
 * encoded once and the buffer shared by all recipients.
 */
public final class Room {
    private final RoomConfig config;
    private final Executor executor;
    private final ProtocolCodec codec;
    private final Metrics metrics;
    private final NickRules nicks;
    private final LongSupplier clock;
    private final History history;
    private final ReportLedger reports = new ReportLedger();
    /**
     * Members whose connection dropped (resumable), oldest drop first. Their seats are counted
     * apart from the capacity, which limits connected members only, so sessions that join and
     * drop never lock anyone out. When someone joins, dropped members beyond {@code capacity}
     * leave the room early, the one gone longest first (its session stays resumable).
     */
    private final java.util.LinkedHashSet<String> dropped = new java.util.LinkedHashSet<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    /** The members' nicknames, replaced (never changed) on the room's thread; read by any thread. */
    private volatile List<String> mentionable = List.of();
    private final Map<String, Long> mutedUntil = new HashMap<>();
    private final Map<String, Long> coolOffUntil = new HashMap<>();
    private final Map<String, Long> lastPost = new HashMap<>();
    private long seq;
    private long slowSeconds;
    private boolean locked;
    private volatile int memberCount;
    private volatile long slowSecondsView;
    private volatile boolean lockedView;
    /** Told this room's summary after every change of its people count or lock (room thread). */
    private volatile java.util.function.Consumer<RoomSummary> changes = summary -> { };

    /** A member of this room as the room knows it. */
    private record Member(Session session, MemberInfo info) {
    }

    public Room(RoomConfig config, Executor executor, ProtocolCodec codec, Metrics metrics, NickRules nicks,
            int historySize, long historyMaxAgeMillis, LongSupplier clock) {
        this.config = config;
        this.executor = executor;
        this.codec = codec;
        this.metrics = metrics;
        this.nicks = nicks;
        this.clock = clock;
        this.history = new History(historySize, historyMaxAgeMillis);
    }

    public String id() {
        return config.id();
    }

    public RoomConfig config() {
        return config;
    }

    /** Safe from any thread; may lag the room's thread by a moment. */
    public RoomSummary summary() {
        return new RoomSummary(config.id(), config.title(), config.topic(), memberCount, config.capacity(),
                lockedView);
    }

    /**
     * Sets the one listener told, on the room's thread, this room's {@link #summary()} after every
     * join, leave, lock and unlock (the console's live counts). It must not block.
     */
    public void onChange(java.util.function.Consumer<RoomSummary> listener) {
        this.changes = java.util.Objects.requireNonNull(listener, "listener");
    }

    public long slowSeconds() {
        return slowSecondsView;
    }

    public boolean locked() {
        return lockedView;
    }

    /** The members' nicknames now, for telling "@nick" mentions from handles. Any thread. */
    public List<String> mentionable() {
        return mentionable;
    }

    public int memberCount() {
        return memberCount;
    }

    /** The executor that owns this room's state (for tests). */
    Executor executorForTests() {
        return executor;
    }

    /** Runs work on the room's thread. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    public void join(Session s, String requestedNick, Outbound reply, String reqId) {
        execute(() -> doJoin(s, requestedNick, reply::send, reqId));
    }

    /** As above, with the reply ({@code joined} or {@code error}) handed to {@code reply} on the room's thread. */
    public void join(Session s, String requestedNick, String reqId, java.util.function.Consumer<ServerMessage> reply) {
        execute(() -> doJoin(s, requestedNick, reply, reqId));
    }

    public void leave(Session s, Outbound reply, String reqId) {
        execute(() -> {
            if (remove(s) == null) {
                reply.send(notInRoom(reqId));
                return;
            }
            reply.send(ServerMessage.Ok.of(reqId));
        });
    }

    /** Posts a message that passed moderation with the given status and delivered text. */
    public void post(Session s, Outbound reply, String reqId, String text, SendStatus status) {
        post(s, reply, reqId, text, status, List.of());
    }

    /** As above; {@code notices} go to the sender right after its {@code sent} reply. */
    public void post(Session s, Outbound reply, String reqId, String text, SendStatus status,
            List<ServerMessage.Notice> notices) {
        execute(() -> {
            Member m = members.get(s.memberId());
            if (m == null) {
                reply.send(notInRoom(reqId));
                return;
            }
            ServerMessage.Error refused = checkPost(s, reqId);
            if (refused != null) {
                reply.send(refused);
                return;
            }
            ServerMessage.Message msg = publish(m.info(), Ids.of("m_"), text);
            reply.send(new ServerMessage.Sent(reqId, config.id(), msg.msg(), status, text));
            for (ServerMessage.Notice n : notices) {
                reply.send(n);
            }
            broadcast(msg, null);
        });
    }

    /**
     * Checks, on the room's thread, whether the member may post now (room lock, mute, slow
     * mode); returns the error to reply with, or null. Moderators are never refused.
     */
    private ServerMessage.Error checkPost(Session s, String reqId) {
        if (s.role().canModerate()) {
            return null;
        }
        long now = clock.getAsLong();
        if (locked) {
            return ServerMessage.Error.of(reqId, ErrorCode.ROOM_LOCKED,
                    "This room is locked for now, so new messages can't be posted.");
        }
        Long muted = mutedUntil.get(s.memberId());
        if (muted != null) {
            if (muted > now) {
                return new ServerMessage.Error(reqId, ErrorCode.MUTED,
                        "A moderator has paused your messages in this room for a little while.", muted - now);
            }
            mutedUntil.remove(s.memberId());
        }
        if (slowSeconds > 0) {
            Long last = lastPost.get(s.memberId());
            long next = last == null ? 0 : last + slowSeconds * 1000;
            if (next > now) {
                return new ServerMessage.Error(reqId, ErrorCode.SLOW_MODE, "Slow mode is on: one message every "
                        + slowSeconds + " seconds, so everyone can be heard.", next - now);
            }
            lastPost.put(s.memberId(), now);
        }
        return null;
    }

    /** Assigns the next seq, keeps the message in history and counts it; room thread only. */
    private ServerMessage.Message publish(MemberInfo from, String msgId, String text) {
        ServerMessage.Message msg = new ServerMessage.Message(config.id(), msgId, ++seq, from, text,
                clock.getAsLong());
        history.add(msg);
        metrics.messageIn();
        return msg;
    }

    /** Runs {@code work} on the room's thread and completes with its result. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** The message if it is still in this room's history. */
    public CompletableFuture<Optional<ServerMessage.Message>> find(String msg) {
        return call(() -> Optional.ofNullable(history.find(msg)));
    }

    /**
     * Whether {@code reporter} may report {@code msg} now, decided on the room's thread (see
     * {@link ReportLedger#check}): completes with the reported message, or the error to reply.
     */
    public CompletableFuture<ReportCheck> checkReport(Session reporter, String msg, String reqId) {
        return call(() -> reports.check(members.containsKey(reporter.memberId()), reporter, msg, reqId, history,
                clock.getAsLong()));
    }

    /** The member's current info in this room, if it is here. */
    public CompletableFuture<Optional<MemberInfo>> member(String memberId) {
        return call(() -> Optional.ofNullable(members.get(memberId)).map(Member::info));
    }

    /** Delivers a message that was held and is now approved; the room gets it as a new message. */
    public CompletableFuture<ServerMessage.Message> deliverApproved(MemberInfo from, String msgId, String text) {
        return call(() -> {
            ServerMessage.Message msg = publish(from, msgId, text);
            broadcast(msg, null);
            return msg;
        });
    }

    /** Removes a message from history and tells every member it was deleted. */
    public CompletableFuture<Boolean> delete(String msg) {
        return call(() -> {
            boolean known = history.remove(msg);
            reports.forget(msg);
            broadcast(new ServerMessage.Deleted(config.id(), msg), null);
            return known;
        });
    }

    /** Mutes a member here until {@code until}; tells the member. False if not in the room. */
    public CompletableFuture<Boolean> mute(String memberId, long until, String text) {
        return call(() -> {
            mutedUntil.put(memberId, until);
            Member m = members.get(memberId);
            if (m != null) {
                m.session().deliver(new ServerMessage.Notice(config.id(), "muted", text));
            }
            return m != null;
        });
    }

    /** Restores a mute read from the store at start-up. */
    public void restoreMute(String memberId, long until) {
        execute(() -> mutedUntil.put(memberId, until));
    }

    /** Lifts a mute; tells the member. False if there was none. */
    public CompletableFuture<Boolean> unmute(String memberId, String text) {
        return call(() -> {
            Long was = mutedUntil.remove(memberId);
            Member m = members.get(memberId);
            if (m != null) {
                m.session().deliver(new ServerMessage.Notice(config.id(), "unmuted", text));
            }
            return was != null && was > clock.getAsLong();
        });
    }

    /** Removes a member, who gets {@code kicked}; it may not rejoin for {@code coolOffMs}. */
    public CompletableFuture<Boolean> kick(String memberId, String reason, long coolOffMs) {
        return call(() -> {
            Member m = members.get(memberId);
            if (m == null) {
                return false;
            }
            coolOffUntil.put(memberId, clock.getAsLong() + coolOffMs);
            m.session().deliver(new ServerMessage.Kicked(config.id(), reason == null ? "" : reason));
            remove(m.session());
            return true;
        });
    }

    /** Turns slow mode on ({@code seconds > 0}) or off; tells the room. */
    public CompletableFuture<Void> slow(long seconds) {
        return call(() -> {
            slowSeconds = seconds;
            slowSecondsView = seconds;
            lastPost.clear();
            broadcast(new ServerMessage.Notice(config.id(), "slow_mode", seconds == 0
                    ? "Slow mode is off." : "Slow mode is on: one message every " + seconds + " seconds."), null);
            return null;
        });
    }

    /** Locks or unlocks the room; tells the room. */
    public CompletableFuture<Void> lock(boolean on) {
        return call(() -> {
            locked = on;
            lockedView = on;
            broadcast(new ServerMessage.Notice(config.id(), on ? "locked" : "unlocked", on
                    ? "A moderator has locked this room for now." : "The room is open again."), null);
            changes.accept(summary());
            return null;
        });
    }

    public void typing(Session s, Outbound reply, String reqId) {
        execute(() -> {
            Member m = members.get(s.memberId());
            if (m == null) {
                reply.send(notInRoom(reqId));
                return;
            }
            broadcast(new ServerMessage.Typing(config.id(), new MemberInfo(m.info().id(), m.info().nick(), null)),
                    s.memberId());
        });
    }

    /** The member's connection dropped; its seat now counts apart from the capacity. Any thread. */
    public void detached(Session s) {
        execute(() -> {
            if (s.isDetached() && members.containsKey(s.memberId())) {
                dropped.add(s.memberId());
            }
        });
    }

    /** The member resumed on a new connection; its seat counts against the capacity again. Any thread. */
    public void attached(Session s) {
        execute(() -> {
            if (!s.isDetached()) {
                dropped.remove(s.memberId());
            }
        });
    }

    /** The member's session ended (resume window over, or ended by the server). */
    public void expire(Session s) {
        execute(() -> remove(s));
    }

    private void doJoin(Session s, String requestedNick, java.util.function.Consumer<ServerMessage> reply,
            String reqId) {
        if (members.containsKey(s.memberId())) {
            reply.accept(ServerMessage.Error.of(reqId, ErrorCode.ALREADY_IN_ROOM, "You're already in this room."));
            return;
        }
        if (s.isExpired()) {
            return;
        }
        boolean member = !s.role().canModerate();
        Long coolOff = coolOffUntil.get(s.memberId());
        if (member && coolOff != null) {
            long left = coolOff - clock.getAsLong();
            if (left > 0) {
                reply.accept(new ServerMessage.Error(reqId, ErrorCode.FORBIDDEN,
                        "A moderator asked you to take a short break from this room.", left));
                return;
            }
            coolOffUntil.remove(s.memberId());
        }
        if (member && locked) {
            reply.accept(ServerMessage.Error.of(reqId, ErrorCode.ROOM_LOCKED,
                    "This room is locked for now. Please try another room or come back a little later."));
            return;
        }
        if (member && members.size() - dropped.size() >= config.capacity()) {
            reply.accept(ServerMessage.Error.of(reqId, ErrorCode.ROOM_FULL,
                    "This room is full right now. Please try another room or come back a little later."));
            return;
        }
        String nick;
        if (requestedNick != null) {
            nick = nicks.normalise(requestedNick, !member);
            if (nick == null) {
                reply.accept(ServerMessage.Error.of(reqId, ErrorCode.NICK_INVALID,
                        "Nicknames are 2 to 24 letters, digits, spaces, '_', '-' or '.', and must be friendly."));
                return;
            }
            if (nickTaken(nick)) {
                reply.accept(ServerMessage.Error.of(reqId, ErrorCode.NICK_TAKEN,
                        "Someone in this room already uses that nickname. Please pick another."));
                return;
            }
        } else {
            nick = freePseudonym(s);
        }
        MemberInfo info = s.info(nick);
        while (dropped.size() > config.capacity()) {
            // beyond the room's allowance of dropped members, the one gone longest lets its seat go
            remove(members.get(dropped.iterator().next()).session());
        }
        members.put(s.memberId(), new Member(s, info));
        s.joined(config.id(), nick);
        memberCount = members.size();
        updateMentionable();
        List<MemberInfo> list = new ArrayList<>(members.size());
        for (Member m : members.values()) {
            list.add(m.info());
        }
        reply.accept(new ServerMessage.Joined(reqId, config.id(), info, list, history.recent(clock.getAsLong()),
                config.guidelines(), new RoomMode(slowSeconds, locked)));
        broadcast(new ServerMessage.Presence(config.id(), PresenceEvent.JOIN, info, members.size()), s.memberId());
        changes.accept(summary());
    }

    private Member remove(Session s) {
        Member m = members.remove(s.memberId());
        if (m == null) {
            return null;
        }
        dropped.remove(s.memberId());
        s.left(config.id());
        memberCount = members.size();
        updateMentionable();
        broadcast(new ServerMessage.Presence(config.id(), PresenceEvent.LEAVE, m.info(), members.size()), null);
        changes.accept(summary());
        return m;
    }

    private void updateMentionable() {
        String[] nicks = new String[members.size()];
        int i = 0;
        for (Member m : members.values()) {
            nicks[i++] = m.info().nick(); // the strings the members already hold: a reference each
        }
        mentionable = List.of(nicks);
    }

    private boolean nickTaken(String nick) {
        for (Member m : members.values()) {
            if (nicks.sameNick(m.info().nick(), nick)) {
                return true;
            }
        }
        return false;
    }

    private String freePseudonym(Session s) {
        String nick = s.pseudonym();
        for (int i = 0; nickTaken(nick) && i < 20; i++) {
            nick = org.kindred.server.session.Pseudonyms.next();
        }
        if (nickTaken(nick)) {
            nick = s.pseudonym() + " " + (members.size() + 1);
        }
        return nick;
    }

    /**
     * Encodes once and delivers to every member except {@code exceptMember} (null: everyone).
     * Members whose connection lives on another event loop are handed over in one task per loop
     * (see {@link Fanout}) rather than one cross-thread write each.
     */
    private void broadcast(ServerMessage event, String exceptMember) {
        if (members.isEmpty()) {
            return;
        }
        SharedFrame encoded = SharedFrame.encode(codec, event);
        try {
            Fanout fanout = new Fanout(encoded, event);
            for (Member m : members.values()) {
                Session s = m.session();
                if (exceptMember == null || !s.memberId().equals(exceptMember)) {
                    fanout.add(s);
                }
            }
            fanout.dispatch();
            if (event instanceof ServerMessage.Message) {
                metrics.messagesOut(fanout.recipients());
            }
        } finally {
            encoded.release();
        }
    }

    private static ServerMessage.Error notInRoom(String reqId) {
        return ServerMessage.Error.of(reqId, ErrorCode.NOT_IN_ROOM, "You need to join this room first.");
    }
}
