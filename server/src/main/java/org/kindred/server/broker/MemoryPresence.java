package org.kindred.server.broker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.protocol.MemberInfo;

/** {@link Presence} in memory; each room's members and claims are guarded by that room's lock. */
public final class MemoryPresence implements Presence {
    private final Map<String, Members> rooms = new ConcurrentHashMap<>();

    /** One room: members in join order, and which member holds each nickname key. */
    private static final class Members {
        final Map<String, MemberInfo> byId = new LinkedHashMap<>();
        final Map<String, String> holderOfKey = new HashMap<>();
        final Map<String, Collection<String>> keysOf = new HashMap<>();

        void release(String memberId) {
            Collection<String> keys = keysOf.remove(memberId);
            if (keys != null) {
                for (String k : keys) {
                    holderOfKey.remove(k, memberId);
                }
            }
        }
    }

    private Members of(String room) {
        return rooms.computeIfAbsent(room, r -> new Members());
    }

    @Override
    public int add(String room, MemberInfo member) {
        Members m = of(room);
        synchronized (m) {
            m.byId.put(member.id(), member);
            return m.byId.size();
        }
    }

    @Override
    public Optional<MemberInfo> remove(String room, String memberId) {
        Members m = rooms.get(room);
        if (m == null) {
            return Optional.empty();
        }
        synchronized (m) {
            m.release(memberId);
            return Optional.ofNullable(m.byId.remove(memberId));
        }
    }

    @Override
    public Optional<MemberInfo> get(String room, String memberId) {
        Members m = rooms.get(room);
        if (m == null) {
            return Optional.empty();
        }
        synchronized (m) {
            return Optional.ofNullable(m.byId.get(memberId));
        }
    }

    @Override
    public List<MemberInfo> members(String room) {
        Members m = rooms.get(room);
        if (m == null) {
            return List.of();
        }
        synchronized (m) {
            return new ArrayList<>(m.byId.values());
        }
    }

    @Override
    public int count(String room) {
        Members m = rooms.get(room);
        if (m == null) {
            return 0;
        }
        synchronized (m) {
            return m.byId.size();
        }
    }

    @Override
    public boolean claimNick(String room, String memberId, Collection<String> keys) {
        Members m = of(room);
        synchronized (m) {
            for (String k : keys) {
                String holder = m.holderOfKey.get(k);
                if (holder != null && !holder.equals(memberId)) {
                    return false;
                }
            }
            m.release(memberId);
            List<String> held = List.copyOf(keys);
            for (String k : held) {
                m.holderOfKey.put(k, memberId);
            }
            m.keysOf.put(memberId, held);
            return true;
        }
    }

    @Override
    public void releaseNick(String room, String memberId) {
        Members m = rooms.get(room);
        if (m != null) {
            synchronized (m) {
                m.release(memberId);
            }
        }
    }

    @Override
    public void clear(String room) {
        rooms.remove(room);
    }
}
