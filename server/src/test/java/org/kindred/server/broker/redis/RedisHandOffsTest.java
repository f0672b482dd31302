package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.broker.redis.RedisHandOffs.State;
import org.kindred.server.testing.RedisServer;

/**
 * {@link RedisHandOffs} on a real Redis, seen from two nodes' links: one conversation per member
 * (a second claim gets the first room until it ends), an ending that exactly one of many callers
 * wins, fields set only while the conversation lasts, and a check that tells an ended
 * conversation and a gone node (its liveness key expired) from an open one.
 */
class RedisHandOffsTest {
    private RedisNodes nodes;
    private String prefix;
    private RedisHandOffs a;
    private RedisHandOffs b;

    @BeforeEach
    void start() {
        nodes = new RedisNodes(RedisServer.shared());
        prefix = RedisNodes.freshPrefix();
        a = new RedisHandOffs(nodes.link(), prefix);
        b = new RedisHandOffs(nodes.link(), prefix);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    private static Map<String, String> fields(String staff, String staffNode) {
        return Map.of("member", "u_ann", "staff", staff, "staffNode", staffNode, "memberNode", "");
    }

    @Test
    void oneConversationPerMemberUntilItEnds() {
        assertNull(a.claim("u_ann", "private-one", fields("u_alex", "nA"), 60_000));
        assertEquals("private-one", b.claim("u_ann", "private-two", fields("u_sam", "nB"), 60_000),
                "another node's claim gets the room that lasts");
        assertEquals("u_alex", b.find("private-one").get("staff"));
        assertTrue(b.find("private-two").isEmpty(), "nothing of the refused claim is kept");
        assertEquals("private-one", a.roomOf("u_ann"));
        assertTrue(b.end("private-one", "u_ann"));
        assertNull(a.roomOf("u_ann"));
        assertNull(b.claim("u_ann", "private-two", fields("u_sam", "nB"), 60_000), "free again once ended");
    }

    @Test
    void anEndingIsWonOnceAcrossNodes() throws Exception {
        assertNull(a.claim("u_ann", "private-x", fields("u_alex", "nA"), 60_000));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> ends = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RedisHandOffs h = i % 2 == 0 ? a : b;
                ends.add(pool.submit((Callable<Boolean>) () -> h.end("private-x", "u_ann")));
            }
            int won = 0;
            for (Future<Boolean> f : ends) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(1, won, "exactly one caller audits and tells the others");
        } finally {
            pool.shutdownNow();
        }
        assertFalse(a.set("private-x", "accepted", "1"), "an ended conversation takes no fields");
        assertTrue(a.find("private-x").isEmpty());
    }

    @Test
    void theCheckTellsEndedGoneNodeAndOpenApart() throws Exception {
        nodes.presence(prefix, "nA", 400); // node A lives while it beats
        Thread.sleep(100);
        assertNull(a.claim("u_ann", "private-y", fields("u_alex", "nA"), 60_000));
        assertEquals(State.OPEN, b.check("private-y", "staffNode"));
        assertEquals(State.OPEN, a.check("private-y", "memberNode"), "no member node yet: nothing to miss");
        assertTrue(b.set("private-y", "memberNode", "nB"));
        assertEquals(State.NODE_GONE, a.check("private-y", "memberNode"), "nB never beat");
        nodes.close(); // node A stops beating; its key expires after the TTL
        nodes = new RedisNodes(RedisServer.shared());
        RedisHandOffs c = new RedisHandOffs(nodes.link(), prefix);
        long deadline = System.currentTimeMillis() + 5_000;
        while (c.check("private-y", "staffNode") != State.NODE_GONE) {
            assertTrue(System.currentTimeMillis() < deadline, "node A's key expired");
            Thread.sleep(50);
        }
        assertTrue(c.end("private-y", "u_ann"));
        assertEquals(State.ENDED, c.check("private-y", "staffNode"));
    }
}
