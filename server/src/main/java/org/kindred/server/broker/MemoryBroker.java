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
 * {@link #publish} returns.
 */
public final class MemoryBroker implements Broker {
    private final History history;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();

    /** One room's numbering and subscriber. */
    private static final class Topic {
        long seq;
        Subscriber subscriber;
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
        Topic t = topic(room);
        synchronized (t) {
            ServerMessage.Message msg = new ServerMessage.Message(room, msgId, t.seq + 1, from, text, ts);
            try {
                history.append(room, msg);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(
                        new BrokerException("history refused a message of room " + room, e));
            }
            t.seq++;
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
}
