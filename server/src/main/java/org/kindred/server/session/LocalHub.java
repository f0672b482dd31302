package org.kindred.server.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.i18n.ServerText;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.transport.SharedFrame;

/**
 * This node's end of every room's delivery path: the sessions here that are in each room, and
 * the {@link Broker.Subscriber} that hands each room event to them. An event is encoded once
 * and the frame shared by all recipients; recipients on other event loops are handed over in
 * one task per loop ({@link Fanout}); detached sessions keep the event for their resume. A notice
 * whose text is a sentence not yet in words is encoded once per language present instead
 * ({@link ByLanguage}), so each member reads it in their own.
 *
 * <p>A room's subscriptions and deliveries must come from one thread at a time, the room's own
 * (the in-memory broker delivers on the publishing room thread); rooms are independent.
 */
public final class LocalHub implements Broker.Subscriber {
    private final ProtocolCodec codec;
    private final Metrics metrics;
    private final Map<String, Map<String, Session>> rooms = new ConcurrentHashMap<>();

    public LocalHub(ProtocolCodec codec, Metrics metrics) {
        this.codec = codec;
        this.metrics = metrics;
    }

    private Map<String, Session> of(String room) {
        return rooms.computeIfAbsent(room, r -> new LinkedHashMap<>());
    }

    /** {@code s} gets {@code room}'s events from now on (room's thread). */
    public void add(String room, Session s) {
        of(room).put(s.memberId(), s);
    }

    /** The member's session stops getting {@code room}'s events; returns it, or null (room's thread). */
    public Session remove(String room, String memberId) {
        Map<String, Session> m = rooms.get(room);
        return m == null ? null : m.remove(memberId);
    }

    /** The session of a member of {@code room} on this node, or null (room's thread). */
    public Session session(String room, String memberId) {
        Map<String, Session> m = rooms.get(room);
        return m == null ? null : m.get(memberId);
    }

    /** Sends {@code message} to one member of {@code room} on this node; false if it is not here. */
    public boolean sendTo(String room, String memberId, ServerMessage message) {
        Session s = session(room, memberId);
        if (s != null) {
            s.deliver(message);
        }
        return s != null;
    }

    /** Forgets {@code room} (a closed private room). */
    public void close(String room) {
        rooms.remove(room);
    }

    /**
     * Encodes {@code event} once (a per-language notice: once per language) and delivers it to every
     * session here in {@code room} but one.
     */
    @Override
    public void deliver(String room, ServerMessage event, String exceptMember) {
        deliver(room, event, exceptMember, java.util.Set.of());
    }

    /**
     * As {@link #deliver(String, ServerMessage, String)}, also leaving out the members in
     * {@code alsoExcept} (e.g. those who already know of it); room's thread.
     */
    public void deliver(String room, ServerMessage event, String exceptMember, java.util.Set<String> alsoExcept) {
        Map<String, Session> members = rooms.get(room);
        if (members == null || members.isEmpty()) {
            return;
        }
        if (ServerText.perLanguage(event)) { // a notice put into words per reader: once per language here
            ByLanguage.deliver(codec, members.values(), event, exceptMember, alsoExcept);
            return;
        }
        SharedFrame encoded = SharedFrame.encode(codec, event);
        try {
            Fanout fanout = new Fanout(encoded, event);
            for (Session s : members.values()) {
                if ((exceptMember == null || !s.memberId().equals(exceptMember))
                        && (alsoExcept.isEmpty() || !alsoExcept.contains(s.memberId()))) {
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
}
