package org.kindred.server.broker.redis;

/**
 * Where Kindred keeps a room's state in Redis. Every key of one room carries the room in a hash
 * tag ({@code {room}}), so a room's keys live on one shard and one script may touch them all.
 * Keys (with the prefix, e.g. {@code kindred:}):
 * <ul>
 *   <li>{@code {room}:seq} the room's last {@code seq} (string)</li>
 *   <li>{@code {room}:hist} the room's recent messages (stream, trimmed to N; expires with the max age)</li>
 *   <li>{@code {room}:ceil} the highest {@code seq} the store's floor allows now (string; see
 *       {@link RedisBroker}), {@code {room}:epoch} the {@code seq} the room's present history
 *       starts after (string; set when Redis had no numbering for the room)</li>
 *   <li>{@code {room}:req:<digest>} a request accepted lately: {@code "<seq> <msg id>"}, expiring
 *       (the digest hides member, request id and text)</li>
 *   <li>{@code {room}:members}, {@code :info}, {@code :owner}, {@code :nick}, {@code :held},
 *       {@code :joins}, {@code :away} presence: join order (sorted set), member info (hash), member to
 *       node (hash), nickname key to member (hash), member to its keys (hash), join counter, the
 *       members whose connection dropped in the order they dropped (sorted set)</li>
 *   <li>{@code {room}:react:<msg>:<kind>}, {@code {room}:reacted} reactions: the member ids
 *       holding one kind of one message (set), the messages with reactions (set)</li>
 *   <li>{@code node:<id>} a node's liveness (expires unless the node refreshes it), {@code nodeseen:<id>}
 *       the Redis time (epoch ms) of its last refresh (kept for a day)</li>
 *   <li>{@code park:<token hash>}, {@code live:<token hash>} sessions' records ({@link RedisParking})</li>
 *   <li>channel {@code room:<room>} the room's events</li>
 * </ul>
 */
record RedisKeys(String prefix) {

    RedisKeys {
        if (prefix == null || prefix.isEmpty() || prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("prefix: " + prefix + " (expected: non-empty, without braces)");
        }
    }

    String room(String room, String what) {
        return prefix + "{" + room + "}:" + what;
    }

    String seq(String room) {
        return room(room, "seq");
    }

    String history(String room) {
        return room(room, "hist");
    }

    String ceiling(String room) {
        return room(room, "ceil");
    }

    String epoch(String room) {
        return room(room, "epoch");
    }

    /** A request's key; {@code digest} is {@code ""} for a publication without a request id. */
    String request(String room, String digest) {
        return room(room, "req:" + digest);
    }

    String channel(String room) {
        return prefix + "room:" + room;
    }

    /** The prefix of the rooms' channels (for mapping a channel back to its room). */
    String channelPrefix() {
        return prefix + "room:";
    }

    String nodePrefix() {
        return prefix + "node:";
    }

    /** The prefix of the keys holding the Redis time of each node's last heartbeat. */
    String seenPrefix() {
        return prefix + "nodeseen:";
    }

    /** The presence keys of a room, in the order the presence scripts expect them. */
    String[] presence(String room) {
        return new String[] {room(room, "members"), room(room, "info"), room(room, "owner"), room(room, "nick"),
            room(room, "held"), room(room, "joins"), room(room, "away")};
    }
}
