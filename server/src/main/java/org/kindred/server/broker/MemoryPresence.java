package org.kindred.server.broker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.protocol.MemberInfo;

/** {@link Presence} in memory; each room's members and claims are guarded by that room's lock. */
public final class MemoryPresence implements Presence {
    private final Map<String, Members> rooms = new ConcurrentHashMap<>();

    /** One room: members in join order, which member holds each nickname key, who is away (oldest first). */
    private static final class Members {
        final Map<String, MemberInfo> byId = new LinkedHashMap<>();
        final Map<String, String> holderOfKey = new HashMap<>();
        final Map<String, Collection<String>> keysOf = new HashMap<>();
        final LinkedHashSet<String> away = new LinkedHashSet<>();

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
            m.away.remove(member.id());
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
            m.away.remove(memberId);
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
    public void away(String room, String memberId, boolean away) {
        Members m = rooms.get(room);
        if (m == null) {
            return;
        }
        synchronized (m) {
            if (!away) {
                m.away.remove(memberId);
            } else if (m.byId.containsKey(memberId)) {
                m.away.add(memberId); // a set: one already away keeps its place
            }
        }
    }

    @Override
    public int seated(String room) {
        Members m = rooms.get(room);
        if (m == null) {
            return 0;
        }
        synchronized (m) {
            return m.byId.size() - m.away.size();
        }
    }

    @Override
    public List<MemberInfo> trimAway(String room, int keep) {
        Members m = rooms.get(room);
        if (m == null) {
            return List.of();
        }
        List<MemberInfo> gone = new ArrayList<>();
        synchronized (m) {
            while (m.away.size() > Math.max(0, keep)) {
                String oldest = m.away.iterator().next();
                m.away.remove(oldest);
                m.release(oldest);
                MemberInfo info = m.byId.remove(oldest);
                if (info != null) {
                    gone.add(info);
                }
            }
        }
        return gone;
    }

    @Override
    public void clear(String room) {
        rooms.remove(room);
    }
}
