package org.kindred.server.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.protocol.ServerMessage;

/**
 * {@link History} in memory: per room a bounded deque of the last {@code maxSize} messages,
 * aged out past {@code maxAgeMillis} when read. (A deque rather than a cache: caches evict by
 * frequency, not "keep the last N".) Each room's deque is guarded by its own lock.
 */
public final class MemoryHistory implements History {
    private final int maxSize;
    private final long maxAgeMillis;
    private final Map<String, ArrayDeque<ServerMessage.Message>> rooms = new ConcurrentHashMap<>();

    /**
     * @param maxSize messages kept per room, {@code >= 0} (0: none)
     * @param maxAgeMillis how long a message is kept, ms, {@code >= 0}
     */
    public MemoryHistory(int maxSize, long maxAgeMillis) {
        if (maxSize < 0 || maxAgeMillis < 0) {
            throw new IllegalArgumentException("maxSize: " + maxSize + ", maxAgeMillis: " + maxAgeMillis
                    + " (expected: both >= 0)");
        }
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAgeMillis;
    }

    private ArrayDeque<ServerMessage.Message> of(String room) {
        return rooms.computeIfAbsent(room, r -> new ArrayDeque<>());
    }

    @Override
    public void append(String room, ServerMessage.Message message) {
        if (maxSize == 0) {
            return;
        }
        ArrayDeque<ServerMessage.Message> q = of(room);
        synchronized (q) {
            if (q.size() == maxSize) {
                q.removeFirst();
            }
            q.addLast(message);
        }
    }

    @Override
    public List<ServerMessage.Message> recent(String room, long now) {
        ArrayDeque<ServerMessage.Message> q = rooms.get(room);
        if (q == null) {
            return List.of();
        }
        synchronized (q) {
            prune(q, now);
            return new ArrayList<>(q);
        }
    }

    @Override
    public Optional<ServerMessage.Message> find(String room, String msg, long now) {
        ArrayDeque<ServerMessage.Message> q = rooms.get(room);
        if (q == null) {
            return Optional.empty();
        }
        synchronized (q) {
            prune(q, now);
            for (ServerMessage.Message m : q) {
                if (m.msg().equals(msg)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public boolean remove(String room, String msg) {
        ArrayDeque<ServerMessage.Message> q = rooms.get(room);
        if (q == null) {
            return false;
        }
        synchronized (q) {
            Iterator<ServerMessage.Message> it = q.iterator();
            while (it.hasNext()) {
                if (it.next().msg().equals(msg)) {
                    it.remove();
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public int size(String room) {
        ArrayDeque<ServerMessage.Message> q = rooms.get(room);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            return q.size();
        }
    }

    @Override
    public void clear(String room) {
        rooms.remove(room);
    }

    private void prune(ArrayDeque<ServerMessage.Message> q, long now) {
        long oldest = now - maxAgeMillis;
        while (!q.isEmpty() && q.peekFirst().ts() < oldest) {
            q.removeFirst();
        }
    }
}
