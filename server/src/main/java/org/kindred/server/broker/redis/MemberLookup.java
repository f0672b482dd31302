package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kindred.protocol.MemberInfo;

/**
 * {@link RedisPresence#getAll}: several members of several rooms in one read-only script, one round
 * trip, leaving out (not dropping) the members of a node whose liveness key expired. Its keys span
 * rooms (hash slots), like the publish script's: Kindred runs on one Redis, not a Redis Cluster.
 */
final class MemberLookup {
    /**
     * KEYS: per room its info and owner hashes. ARGV: node key prefix, then per room the number of
     * members asked and their ids. Read-only: a member whose node is gone is left out (the next call
     * on its room drops it). Returns room index (1-based), member id and info, flat.
     */
    static final Script GET_ALL = Script.of("""
            local out, alive, a = {}, {}, 2
            for r = 1, #KEYS / 2 do
              local n = tonumber(ARGV[a])
              a = a + 1
              for j = 1, n do
                local m = ARGV[a]
                a = a + 1
                local info = redis.call('HGET', KEYS[2 * r - 1], m)
                if info then
                  local node = redis.call('HGET', KEYS[2 * r], m)
                  if node and alive[node] == nil then alive[node] = redis.call('EXISTS', ARGV[1] .. node) == 1 end
                  if not node or alive[node] then
                    out[#out + 1] = tostring(r)
                    out[#out + 1] = m
                    out[#out + 1] = info
                  end
                end
              end
            end
            return out
            """);

    private MemberLookup() {
    }

    /**
     * For each room of {@code wanted}, those of its members that are in it, with their info
     * ({@code read} decodes a stored info); nothing is sent when no member is asked for.
     *
     * @throws io.lettuce.core.RedisException (unchecked) when Redis is unreachable
     */
    static Map<String, Map<String, MemberInfo>> getAll(RedisLink link, RedisKeys keys,
            Map<String, ? extends Collection<String>> wanted, Function<String, MemberInfo> read) {
        List<String> keyList = new ArrayList<>();
        List<String> argv = new ArrayList<>();
        List<String> roomIds = new ArrayList<>();
        argv.add(keys.nodePrefix());
        for (Map.Entry<String, ? extends Collection<String>> room : wanted.entrySet()) {
            if (room.getValue().isEmpty()) {
                continue;
            }
            String[] k = keys.presence(room.getKey());
            keyList.add(k[1]); // info
            keyList.add(k[2]); // owner
            roomIds.add(room.getKey());
            argv.add(String.valueOf(room.getValue().size()));
            argv.addAll(room.getValue());
        }
        Map<String, Map<String, MemberInfo>> out = new LinkedHashMap<>();
        if (roomIds.isEmpty()) {
            return out;
        }
        List<String> found = link.run(GET_ALL, ScriptOutputType.MULTI, keyList.toArray(String[]::new),
                argv.toArray(String[]::new));
        for (int i = 0; i + 2 < found.size(); i += 3) {
            String room = roomIds.get(Integer.parseInt(found.get(i)) - 1);
            out.computeIfAbsent(room, r -> new LinkedHashMap<>()).put(found.get(i + 1), read.apply(found.get(i + 2)));
        }
        return out;
    }
}
