package org.kindred.server.room;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
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
import org.kindred.server.session.Connection;
import org.kindred.server.session.Ids;
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
    private final Map<String, Member> members = new LinkedHashMap<>();
    private long seq;
    private long slowSeconds;
    private boolean locked;
    private volatile int memberCount;
    private volatile long slowSecondsView;
    private volatile boolean lockedView;

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

    public long slowSeconds() {
        return slowSecondsView;
    }

    public boolean locked() {
        return lockedView;
    }

    public int memberCount() {
        return memberCount;
    }

    /** Runs work on the room's thread. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    public void join(Session s, String requestedNick, Connection reply, String reqId) {
        execute(() -> doJoin(s, requestedNick, reply, reqId));
    }

    public void leave(Session s, Connection reply, String reqId) {
        execute(() -> {
            if (remove(s) == null) {
                reply.send(notInRoom(reqId));
                return;
            }
            reply.send(ServerMessage.Ok.of(reqId));
        });
    }

    /** Posts a message that passed moderation with the given status and delivered text. */
    public void post(Session s, Connection reply, String reqId, String text, SendStatus status) {
        execute(() -> {
            Member m = members.get(s.memberId());
            if (m == null) {
                reply.send(notInRoom(reqId));
                return;
            }
            if (locked && !s.role().canModerate()) {
                reply.send(ServerMessage.Error.of(reqId, ErrorCode.ROOM_LOCKED,
                        "This room is locked for now, so new messages can't be posted."));
                return;
            }
            long now = clock.getAsLong();
            ServerMessage.Message msg = new ServerMessage.Message(config.id(), Ids.of("m_"), ++seq, m.info(), text,
                    now);
            reply.send(new ServerMessage.Sent(reqId, config.id(), msg.msg(), status, text));
            history.add(msg);
            metrics.messageIn();
            broadcast(msg, null);
        });
    }

    public void typing(Session s, Connection reply, String reqId) {
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

    /** The member's session ended (resume window over, or ended by the server). */
    public void expire(Session s) {
        execute(() -> remove(s));
    }

    private void doJoin(Session s, String requestedNick, Connection reply, String reqId) {
        if (members.containsKey(s.memberId())) {
            reply.send(ServerMessage.Error.of(reqId, ErrorCode.ALREADY_IN_ROOM, "You're already in this room."));
            return;
        }
        if (s.isExpired()) {
            return;
        }
        boolean member = !s.role().canModerate();
        if (member && locked) {
            reply.send(ServerMessage.Error.of(reqId, ErrorCode.ROOM_LOCKED,
                    "This room is locked for now. Please try another room or come back a little later."));
            return;
        }
        if (member && members.size() >= config.capacity()) {
            reply.send(ServerMessage.Error.of(reqId, ErrorCode.ROOM_FULL,
                    "This room is full right now. Please try another room or come back a little later."));
            return;
        }
        String nick;
        if (requestedNick != null) {
            nick = nicks.normalise(requestedNick);
            if (nick == null) {
                reply.send(ServerMessage.Error.of(reqId, ErrorCode.NICK_INVALID,
                        "Nicknames are 2 to 24 letters, digits, spaces, '_', '-' or '.', and must be friendly."));
                return;
            }
            if (nickTaken(nick)) {
                reply.send(ServerMessage.Error.of(reqId, ErrorCode.NICK_TAKEN,
                        "Someone in this room already uses that nickname. Please pick another."));
                return;
            }
        } else {
            nick = freePseudonym(s);
        }
        MemberInfo info = s.info(nick);
        members.put(s.memberId(), new Member(s, info));
        s.rooms().add(config.id());
        memberCount = members.size();
        List<MemberInfo> list = new ArrayList<>(members.size());
        for (Member m : members.values()) {
            list.add(m.info());
        }
        reply.send(new ServerMessage.Joined(reqId, config.id(), info, list, history.recent(clock.getAsLong()),
                config.guidelines(), new RoomMode(slowSeconds, locked)));
        broadcast(new ServerMessage.Presence(config.id(), PresenceEvent.JOIN, info, members.size()), s.memberId());
    }

    private Member remove(Session s) {
        Member m = members.remove(s.memberId());
        if (m == null) {
            return null;
        }
        s.rooms().remove(config.id());
        memberCount = members.size();
        broadcast(new ServerMessage.Presence(config.id(), PresenceEvent.LEAVE, m.info(), members.size()), null);
        return m;
    }

    private boolean nickTaken(String nick) {
        for (Member m : members.values()) {
            if (m.info().nick().equalsIgnoreCase(nick)) {
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

    /** Encodes once and delivers to every member except {@code exceptMember} (null: everyone). */
    private void broadcast(ServerMessage event, String exceptMember) {
        if (members.isEmpty()) {
            return;
        }
        ByteBuf encoded = Encoded.of(codec, event);
        try {
            int n = 0;
            for (Member m : members.values()) {
                if (!m.session().memberId().equals(exceptMember)) {
                    m.session().deliver(encoded, event);
                    n++;
                }
            }
            if (event instanceof ServerMessage.Message) {
                metrics.messagesOut(n);
            }
        } finally {
            encoded.release();
        }
    }

    private static ServerMessage.Error notInRoom(String reqId) {
        return ServerMessage.Error.of(reqId, ErrorCode.NOT_IN_ROOM, "You need to join this room first.");
    }
}
