package org.kindred.server.broker;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ServerMessage;

/**
 * {@link Broker} for one node: numbering, history and delivery all in this process. A room's
 * publications are serialised by a lock of that room alone (uncontended in practice: a room
 * publishes from its own thread), and subscribers are called on the publishing thread before
 * {@link #publish} returns. A checked {@link #post} holds the room's {@link MemoryRestrictions} lock
 * from its check to its delivery, so no lock, slow-mode change or mute falls between. Requests are remembered (see {@link Broker#REQUEST_WINDOW_MS}) by
 * the {@code ts} of the publications, at most {@link #MAX_REQUESTS} per room.
 */
public final class MemoryBroker implements Broker {
    private final History history;
    private final MemoryRestrictions rules;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    /** Requests remembered per room at most (the oldest are forgotten first). */
    static final int MAX_REQUESTS = 10_000;

    /** One room's numbering, subscriber, and recent requests (digest to seq and msg id). */
    private static final class Topic {
        long seq;
        Subscriber subscriber;
        final java.util.LinkedHashMap<String, Accepted> requests = new java.util.LinkedHashMap<>();
    }

    /** A request accepted at {@code ts} as message {@code msg} numbered {@code seq}. */
    private record Accepted(long seq, String msg, long ts) {
    }

    /** @param history where published messages are kept (usually a {@link MemoryHistory}) */
    public MemoryBroker(History history) {
        this(history, new MemoryRestrictions());
    }

    /**
     * @param history where published messages are kept (usually a {@link MemoryHistory})
     * @param rules the rooms' lock, slow mode and mutes {@link #post} checks
     */
    public MemoryBroker(History history, MemoryRestrictions rules) {
        this.history = history;
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
    }

    private Topic topic(String room) {
        return topics.computeIfAbsent(room, r -> new Topic());
    }

    @Override
    public void subscribe(String room, Subscriber subscriber) {
        Topic t = topic(room);
        synchronized (t) {
            t.subscriber = java.util.Objects.requireNonNull(subscriber, "subscriber");
        }
    }

    @Override
    public void unsubscribe(String room) {
        Topic t = topics.get(room);
        if (t != null) {
            synchronized (t) {
                t.subscriber = null;
            }
        }
    }

    @Override
    public CompletionStage<Posted> post(String room, MemberInfo from, String msgId, String text, long ts,
            String requestKey, Admission admission, Consumer<ServerMessage.Message> accepted) {
        Topic t = topic(room);
        String digest = requestKey == null ? null : RequestDigest.of(requestKey, text);
        synchronized (t) { // one step per room: retry, rules, numbering, delivery
            Accepted earlier = digest == null ? null : earlier(t, digest, ts);
            if (earlier != null) { // a retry: the same answer, whatever the rules say now
                ServerMessage.Message msg = new ServerMessage.Message(room, earlier.msg(), earlier.seq(), from, text,
                        ts);
                accepted.accept(msg);
                return CompletableFuture.completedFuture(new Posted(msg, null));
            }
            ServerMessage.Message[] out = new ServerMessage.Message[1];
            Runnable step = () -> out[0] = number(t, room, from, msgId, text, ts, digest, accepted);
            try {
                if (admission == null || !admission.rules()) {
                    step.run();
                    return CompletableFuture.completedFuture(new Posted(out[0], null));
                }
                Restrictions.Hold held = rules.admit(room, admission.memberId(), ts, step);
                return CompletableFuture.completedFuture(new Posted(out[0], held));
            } catch (BrokerException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    /** Numbers, keeps and delivers; under the topic's lock. Throws {@link BrokerException} when not kept. */
    private ServerMessage.Message number(Topic t, String room, MemberInfo from, String msgId, String text, long ts,
            String digest, Consumer<ServerMessage.Message> accepted) {
        ServerMessage.Message msg = new ServerMessage.Message(room, msgId, t.seq + 1, from, text, ts);
        try {
            history.append(room, msg);
        } catch (RuntimeException e) {
            throw new BrokerException("history refused a message of room " + room, e);
        }
        t.seq++;
        if (digest != null) {
            t.requests.put(digest, new Accepted(msg.seq(), msgId, ts));
        }
        accepted.accept(msg);
        if (t.subscriber != null) {
            t.subscriber.deliver(room, msg, null);
        }
        return msg;
    }

    @Override
    public Restrictions restrictions() {
        return rules;
    }

    @Override
    public CompletionStage<java.util.Optional<String>> earlier(String room, String requestKey, String text,
            long now) {
        Topic t = topics.get(room);
        if (t == null) {
            return CompletableFuture.completedFuture(java.util.Optional.empty());
        }
        synchronized (t) {
            Accepted a = earlier(t, RequestDigest.of(requestKey, text), now);
            return CompletableFuture.completedFuture(java.util.Optional.ofNullable(a == null ? null : a.msg()));
        }
    }

    /** The request {@code digest} accepted within the window before {@code now}, or null; under the topic's lock. */
    private static Accepted earlier(Topic t, String digest, long now) {
        forgetOld(t, now);
        return t.requests.get(digest);
    }

    @Override
    public void broadcast(String room, ServerMessage event, String exceptMember) {
        Topic t = topics.get(room);
        if (t == null) {
            return;
        }
        synchronized (t) {
            if (t.subscriber != null) {
                t.subscriber.deliver(room, event, exceptMember);
            }
        }
    }

    @Override
    public void close(String room) {
        topics.remove(room);
        history.clear(room);
    }

    /** Forgets the room's requests older than the window at {@code now}, and the oldest beyond the cap. */
    private static void forgetOld(Topic t, long now) {
        var it = t.requests.values().iterator();
        while (it.hasNext()) {
            Accepted a = it.next();
            if (a.ts() > now - REQUEST_WINDOW_MS && t.requests.size() < MAX_REQUESTS) {
                break;
            }
            it.remove();
        }
    }
}
