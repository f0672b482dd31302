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
 * {@link #publish} returns. Requests are remembered (see {@link Broker#REQUEST_WINDOW_MS}) by
 * the {@code ts} of the publications, at most {@link #MAX_REQUESTS} per room.
 */
public final class MemoryBroker implements Broker {
    private final History history;
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
        this.history = history;
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
    public CompletionStage<ServerMessage.Message> publish(String room, MemberInfo from, String msgId, String text,
            long ts, Consumer<ServerMessage.Message> accepted) {
        return publish(room, from, msgId, text, ts, null, accepted);
    }

    @Override
    public CompletionStage<ServerMessage.Message> publish(String room, MemberInfo from, String msgId, String text,
            long ts, String requestKey, Consumer<ServerMessage.Message> accepted) {
        Topic t = topic(room);
        String digest = requestKey == null ? null : RequestDigest.of(requestKey, text);
        synchronized (t) {
            if (digest != null) {
                forgetOld(t, ts);
                Accepted earlier = t.requests.get(digest);
                if (earlier != null) { // a retry: the same answer, nothing numbered or delivered
                    ServerMessage.Message msg = new ServerMessage.Message(room, earlier.msg(), earlier.seq(), from,
                            text, ts);
                    accepted.accept(msg);
                    return CompletableFuture.completedFuture(msg);
                }
            }
            ServerMessage.Message msg = new ServerMessage.Message(room, msgId, t.seq + 1, from, text, ts);
            try {
                history.append(room, msg);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(
                        new BrokerException("history refused a message of room " + room, e));
            }
            t.seq++;
            if (digest != null) {
                t.requests.put(digest, new Accepted(msg.seq(), msgId, ts));
            }
            accepted.accept(msg);
            if (t.subscriber != null) {
                t.subscriber.deliver(room, msg, null);
            }
            return CompletableFuture.completedFuture(msg);
        }
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
