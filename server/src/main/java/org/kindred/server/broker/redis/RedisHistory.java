package org.kindred.server.broker.redis;

import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.History;

/**
 * {@link History} in Redis: each room's messages in a stream ({@code {room}:hist}) trimmed to
 * exactly the last N on every append ({@code XADD MAXLEN N}, exact rather than {@code ~}: N is
 * small and the contract keeps at most N), and expiring the maximum age after its newest message
 * ({@code PEXPIRE}); older entries of a live room are left out when read (by the {@code ts} the
 * message carries). Redis runs without persistence, so nothing here outlives a Redis restart.
 * Reads of a room cost O(N). A {@link io.lettuce.core.RedisException} (unchecked) when Redis is
 * unreachable. Thread-safe.
 */
public final class RedisHistory implements History {
    /** XADD of one entry, trimmed to ARGV[1] entries, expiring after ARGV[2] ms. */
    static final String APPEND_LUA = """
            redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'seq', ARGV[3], 'ts', ARGV[4], 'msg', ARGV[5],
                'origin', ARGV[6], 'json', ARGV[7])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;
    private static final Script APPEND = Script.of(APPEND_LUA);
    private static final Script REMOVE = Script.of("""
            local entries = redis.call('XRANGE', KEYS[1], '-', '+')
            for _, e in ipairs(entries) do
              local f = e[2]
              for i = 1, #f, 2 do
                if f[i] == 'msg' and f[i + 1] == ARGV[1] then
                  redis.call('XDEL', KEYS[1], e[1])
                  return 1
                end
              end
            end
            return 0
            """);

    private final RedisLink link;
    private final RedisKeys keys;
    private final int maxSize;
    private final long maxAgeMillis;
    private final ProtocolCodec codec = new ProtocolCodec();

    /**
     * @param link the node's connections
     * @param prefix the keys' prefix, e.g. {@code kindred:} (the same on every node)
     * @param maxSize messages kept per room, {@code >= 0}
     * @param maxAgeMillis how long a message is kept, ms, {@code > 0}
     */
    public RedisHistory(RedisLink link, String prefix, int maxSize, long maxAgeMillis) {
        if (maxSize < 0 || maxAgeMillis <= 0) {
            throw new IllegalArgumentException("maxSize: " + maxSize + ", maxAgeMillis: " + maxAgeMillis
                    + " (expected: maxSize >= 0, maxAgeMillis > 0)");
        }
        this.link = link;
        this.keys = new RedisKeys(prefix);
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAgeMillis;
    }

    int maxSize() {
        return maxSize;
    }

    long maxAgeMillis() {
        return maxAgeMillis;
    }

    RedisKeys keys() {
        return keys;
    }

    @Override
    public void append(String room, ServerMessage.Message m) {
        if (maxSize == 0) {
            return;
        }
        link.run(APPEND, ScriptOutputType.INTEGER, new String[] {keys.history(room)}, String.valueOf(maxSize),
                String.valueOf(maxAgeMillis), String.valueOf(m.seq()), String.valueOf(m.ts()), m.msg(), "",
                new String(codec.encode(m), StandardCharsets.UTF_8));
    }

    /** One kept message with the node that published it ({@code nodeId:token}, or empty). */
    record Entry(long seq, String origin, ServerMessage.Message message) {
    }

    /** The kept messages of the room, oldest first, whatever their age. */
    List<Entry> entries(String room) {
        List<StreamMessage<String, String>> raw = link.sync().xrange(keys.history(room), Range.create("-", "+"));
        List<Entry> out = new ArrayList<>(raw.size());
        for (StreamMessage<String, String> e : raw) {
            Map<String, String> f = e.getBody();
            long seq = Long.parseLong(f.get("seq"));
            out.add(new Entry(seq, f.getOrDefault("origin", ""), decode(f.get("json"), seq)));
        }
        return out;
    }

    /** Decodes a kept or published message's JSON and gives it {@code seq}. */
    ServerMessage.Message decode(String json, long seq) {
        try {
            ServerMessage.Message m = (ServerMessage.Message) codec.decodeServer(json);
            return new ServerMessage.Message(m.room(), m.msg(), seq, m.from(), m.text(), m.ts());
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("a kept message cannot be read", e);
        }
    }

    @Override
    public List<ServerMessage.Message> recent(String room, long now) {
        long oldest = now - maxAgeMillis;
        List<ServerMessage.Message> out = new ArrayList<>();
        for (Entry e : entries(room)) {
            if (e.message().ts() >= oldest) {
                out.add(e.message());
            }
        }
        return out;
    }

    /**
     * Reads the room's last {@code seq}, its history's epoch and its kept messages after
     * {@code afterSeq}. Empty (lost) as well when Redis has no numbering for a room whose messages
     * the member saw ({@code afterSeq > 0}: Redis lost the room's keys, nothing was published
     * since), and when the room's present history began after {@code afterSeq} (its epoch: what
     * came between is gone with the keys).
     */
    @Override
    public Optional<List<ServerMessage.Message>> after(String room, long afterSeq, long now) {
        List<io.lettuce.core.KeyValue<String, String>> got = link.sync().mget(keys.seq(room), keys.epoch(room));
        String last = got.get(0).getValueOrElse(null);
        String epoch = got.get(1).getValueOrElse(null);
        if (afterSeq > 0 && (last == null || (epoch != null && Long.parseLong(epoch) > afterSeq))) {
            return Optional.empty(); // a new history began after what the member saw
        }
        long latest = last == null ? 0 : Long.parseLong(last);
        List<ServerMessage.Message> out = new ArrayList<>();
        long expect = afterSeq + 1;
        for (ServerMessage.Message m : recent(room, now)) {
            if (m.seq() <= afterSeq) {
                continue;
            }
            if (m.seq() != expect) {
                return Optional.empty(); // a gap: expired, trimmed or deleted
            }
            out.add(m);
            expect++;
        }
        return expect > latest || latest <= afterSeq ? Optional.of(out) : Optional.empty();
    }

    @Override
    public Optional<ServerMessage.Message> find(String room, String msg, long now) {
        return recent(room, now).stream().filter(m -> m.msg().equals(msg)).findFirst();
    }

    @Override
    public boolean remove(String room, String msg) {
        Long removed = link.run(REMOVE, ScriptOutputType.INTEGER, new String[] {keys.history(room)}, msg);
        return removed != null && removed == 1;
    }

    @Override
    public int size(String room) {
        return link.sync().xlen(keys.history(room)).intValue();
    }

    @Override
    public void clear(String room) {
        link.sync().del(keys.history(room));
    }
}
