package org.kindred.server.session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * The rooms a session is in and its nickname in each, kept by the rooms' threads and read by any
 * thread; a listener hears of every change (in a cluster, to record the session again).
 */
final class Memberships {
    private final Session session;
    /** A member is in a handful of rooms at most and joins rarely: a copy-on-write set is the lean choice. */
    private final Set<String> rooms = new CopyOnWriteArraySet<>();
    private final Map<String, String> nicks = new ConcurrentHashMap<>();
    private volatile Consumer<Session> changed;

    Memberships(Session session) {
        this.session = session;
    }

    Set<String> ids() {
        return rooms;
    }

    void joined(String room, String nick) {
        nicks.put(room, nick);
        rooms.add(room);
        changed();
    }

    void left(String room) {
        rooms.remove(room);
        nicks.remove(room);
        changed();
    }

    String nickIn(String room) {
        return nicks.get(room);
    }

    void onChange(Consumer<Session> listener) {
        this.changed = listener;
    }

    private void changed() {
        Consumer<Session> l = changed;
        if (l != null) {
            l.accept(session);
        }
    }
}
