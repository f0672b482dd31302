package org.kindred.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kindred.protocol.Role;
import org.kindred.server.broker.redis.RedisHandOffs;
import org.kindred.server.handoff.Ledger;

/**
 * The hand-off's {@link Ledger} over Redis ({@link RedisHandOffs}): each record a hash of its
 * fields, the node ids those of the nodes' Redis engines (whose liveness keys the checks read).
 */
final class HandOffLedger implements Ledger {
    private final RedisHandOffs redis;
    private final String nodeId;

    HandOffLedger(RedisHandOffs redis, String nodeId) {
        this.redis = redis;
        this.nodeId = nodeId;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public String claim(Record r) {
        Map<String, String> f = new HashMap<>();
        f.put("member", r.memberId());
        f.put("staff", r.staffId());
        f.put("staffName", r.staffName());
        f.put("staffNick", r.staffNick());
        f.put("staffRole", r.staffRole().name());
        f.put("escalation", r.escalation());
        f.put("staffNode", r.staffNode());
        f.put("memberNode", r.memberNode());
        f.put("accepted", r.accepted() ? "1" : "0");
        return redis.claim(r.memberId(), r.room(), f, RECORD_TTL_MS);
    }

    /** How long a record lives at most, ms (conversations are ended explicitly; this is a safety net). */
    private static final long RECORD_TTL_MS = 24 * 3600_000L;

    @Override
    public Optional<Record> find(String room) {
        Map<String, String> f = redis.find(room);
        if (f == null || f.isEmpty() || !f.containsKey("member")) {
            return Optional.empty();
        }
        return Optional.of(new Record(room, f.get("member"), f.get("staff"), blank(f.get("staffName")),
                blank(f.get("staffNick")), Role.valueOf(f.getOrDefault("staffRole", Role.MODERATOR.name())),
                blank(f.get("escalation")), blank(f.get("staffNode")), blank(f.get("memberNode")),
                "1".equals(f.get("accepted"))));
    }

    private static String blank(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    @Override
    public Optional<String> roomOf(String memberId) {
        return Optional.ofNullable(redis.roomOf(memberId));
    }

    @Override
    public boolean memberAt(String room, String node) {
        return redis.set(room, "memberNode", node);
    }

    @Override
    public boolean accepted(String room) {
        return redis.set(room, "accepted", "1");
    }

    @Override
    public boolean end(String room, String memberId) {
        return redis.end(room, memberId);
    }

    @Override
    public State check(String room, boolean staffSide) {
        return switch (redis.check(room, staffSide ? "memberNode" : "staffNode")) {
            case ENDED -> State.ENDED;
            case NODE_GONE -> State.NODE_GONE;
            case OPEN -> State.OPEN;
        };
    }
}
