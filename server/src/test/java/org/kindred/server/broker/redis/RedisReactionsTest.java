package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ReactionCounts;
import org.kindred.protocol.ReactionKind;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.History;
import org.kindred.server.broker.Reactions;
import org.kindred.server.broker.ReactionsContract;
import org.kindred.server.testing.RedisServer;

/** The {@link Reactions} contract over a real Redis, and what sharing it between nodes adds. */
class RedisReactionsTest extends ReactionsContract {
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);
    private RedisNodes nodes;
    private String prefix;

    @BeforeEach
    void start() {
        nodes = new RedisNodes(RedisServer.shared());
        prefix = RedisNodes.freshPrefix();
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Override
    protected History history() {
        return nodes.node(prefix, SIZE, AGE_MS).history();
    }

    @Override
    protected Reactions reactions(History history) {
        return new RedisReactions(nodes.link(), (RedisHistory) history);
    }

    @Test
    void twoNodesCountOneMembersReactionOnce() {
        RedisNodes.Node a = nodes.node(prefix, SIZE, AGE_MS);
        RedisNodes.Node b = nodes.node(prefix, SIZE, AGE_MS);
        Reactions onA = new RedisReactions(a.link(), a.history());
        Reactions onB = new RedisReactions(b.link(), b.history());
        long now = System.currentTimeMillis();
        a.history().append("calm", new ServerMessage.Message("calm", "m_1", 1, ANN, "hello", now));
        assertEquals(new Reactions.Outcome(true, true, 1), onA.react("calm", "m_1", "u_2", ReactionKind.HUG, false, now));
        assertEquals(new Reactions.Outcome(true, false, 1), onB.react("calm", "m_1", "u_2", ReactionKind.HUG, false, now),
                "the same member's hug through another node is already held");
        assertEquals(new Reactions.Outcome(true, true, 2), onB.react("calm", "m_1", "u_3", ReactionKind.HUG, false, now));
        assertEquals(new ReactionCounts(0, 2, 0, 0), onA.counts("calm", "m_1"));
        assertEquals(List.of(new ReactionCounts(0, 2, 0, 0)),
                onB.withCounts("calm", b.history().recent("calm", now)).stream()
                        .map(ServerMessage.Message::reactions).toList());
    }

    @Test
    void keysExpireWithTheMessageAndHoldNoText() {
        RedisNodes.Node a = nodes.node(prefix, SIZE, AGE_MS);
        Reactions r = new RedisReactions(a.link(), a.history());
        long now = System.currentTimeMillis();
        a.history().append("calm", new ServerMessage.Message("calm", "m_1", 1, ANN, "secret words", now - 20_000));
        r.react("calm", "m_1", "u_2", ReactionKind.SAME, false, now);
        var redis = a.link().sync();
        List<String> all = new java.util.ArrayList<>(redis.keys(prefix + "{calm}:react*"));
        assertEquals(2, all.size(), "one set for the kind and the room's list: " + all);
        for (String k : all) {
            long ttl = redis.pttl(k);
            assertTrue(ttl > 0 && ttl <= AGE_MS, k + " expires within the maximum age, not " + ttl);
            assertEquals("set", redis.type(k));
            for (String v : redis.smembers(k)) {
                assertTrue(!v.contains("secret"), "no text kept in " + k);
            }
        }
        long setTtl = redis.pttl(prefix + "{calm}:react:m_1:same");
        assertTrue(setTtl <= AGE_MS - 20_000 + 1000, "the set expires when its message does, not " + setTtl);
    }
}
