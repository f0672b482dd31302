package org.kindred.server.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.kindred.protocol.ServerMessage;

/**
 * A room's recent messages for late joiners: at most {@code maxSize}, none older than
 * {@code maxAgeMillis}, in memory only. Confined to the room's thread. (A bounded deque rather
 * than a Caffeine cache: Caffeine's size eviction is frequency-based, not "keep the last N".)
 */
final class History {
    private final int maxSize;
    private final long maxAgeMillis;
    private final ArrayDeque<ServerMessage.Message> messages = new ArrayDeque<>();

    History(int maxSize, long maxAgeMillis) {
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAgeMillis;
    }

    void add(ServerMessage.Message m) {
        if (maxSize == 0) {
            return;
        }
        if (messages.size() == maxSize) {
            messages.removeFirst();
        }
        messages.addLast(m);
    }

    /** Oldest first, without messages past their age. */
    List<ServerMessage.Message> recent(long now) {
        prune(now);
        return new ArrayList<>(messages);
    }

    /** Removes a message (deleted by a moderator); returns whether it was there. */
    boolean remove(String msg) {
        Iterator<ServerMessage.Message> it = messages.iterator();
        while (it.hasNext()) {
            if (it.next().msg().equals(msg)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    ServerMessage.Message find(String msg) {
        for (ServerMessage.Message m : messages) {
            if (m.msg().equals(msg)) {
                return m;
            }
        }
        return null;
    }

    void prune(long now) {
        long oldest = now - maxAgeMillis;
        while (!messages.isEmpty() && messages.peekFirst().ts() < oldest) {
            messages.removeFirst();
        }
    }

    int size() {
        return messages.size();
    }
}
