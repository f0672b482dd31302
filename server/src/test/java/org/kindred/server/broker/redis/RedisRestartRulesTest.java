package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.Broker.Admission;
import org.kindred.server.broker.Broker.Posted;
import org.kindred.server.broker.Restrictions.Kind;
import org.kindred.server.testing.RedisServer;

/**
 * Redis restarted empty (it runs without persistence) must not let anyone straight back in: a
 * member cooled off after a kick, a member told to wait under slow mode, a flooder who spent the
 * shared allowance, a locked room. The node that knew them writes them back on its new
 * connection; a second node that never knew them finds them in Redis. Over a real
 * {@code redis-server} stopped and started again.
 */
class RedisRestartRulesTest {
    private static final MemberInfo ANN = new MemberInfo("u_ann", "Ann", Role.MEMBER);
    private static final MemberInfo FLO = new MemberInfo("u_flo", "Flo", Role.MEMBER);
    private static final MemberInfo BO = new MemberInfo("u_bo", "Bo", Role.MEMBER);

    private static Posted post(Broker b, String room, MemberInfo who, String id, long ts) throws Exception {
        return b.post(room, who, id, "text " + id, ts, who.id() + "\n" + id, new Admission(who.id(), true, "net_" + who.id()),
                m -> { }).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Kind kindOf(org.kindred.server.broker.Restrictions.Hold held) {
        return held == null ? null : held.kind();
    }

    /** A node whose posts take a shared allowance of two sends at once, then one per 100 s. */
    private static RedisNodes.Node node(RedisNodes nodes, String prefix) {
        RedisNodes.Node n = nodes.node(prefix, 50, 60_000);
        n.broker().shareRates(new RedisRateLimits(n.link(), prefix, 2, 0.01, 1000, 1000.0));
        return n;
    }

    private static void awaitReconnected(RedisNodes.Node n, long generationBefore) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (n.link().generation() <= generationBefore || !n.link().isUp()) {
            assertTrue(System.currentTimeMillis() < deadline, "the node reconnected to the restarted redis");
            Thread.sleep(50);
        }
    }

    @Test
    void afterRedisRestartedEmptyCoolOffsSlowModeWaitsSpentAllowancesAndALockStillHold() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        try (RedisServer own = RedisServer.start(); RedisNodes nodes = new RedisNodes(own)) {
            RedisNodes.Node a = node(nodes, prefix);
            RedisNodes.Node b = node(nodes, prefix);
            long t = System.currentTimeMillis();
            RedisRestrictions rules = a.broker().restrictions();
            rules.slow("calm", 60);
            rules.lock("quiet", true);
            rules.coolOff("calm", "u_kicked", t + 60_000);
            assertNull(post(a.broker(), "calm", ANN, "m_1", t).held(), "Ann's first post under slow mode");
            assertNull(post(a.broker(), "open", FLO, "f_1", t).held());
            assertNull(post(a.broker(), "open", FLO, "f_2", t + 1).held());
            assertEquals(Kind.RATE_LIMITED, post(a.broker(), "open", FLO, "f_3", t + 2).held().kind(),
                    "the flooder spent the allowance");

            long genA = a.link().generation();
            long genB = b.link().generation();
            own.stopServer(); // memory only: every key is gone
            own.startServer();
            awaitReconnected(a, genA);
            awaitReconnected(b, genB);
            assertEquals("0", own.command("EXISTS", prefix + "{calm}:seq"), "redis came back empty");

            long now = System.currentTimeMillis();
            RedisRestrictions elsewhere = b.broker().restrictions(); // knew none of it
            assertEquals(Kind.COOLING_OFF, kindOf(elsewhere.join("calm", "u_kicked", now)),
                    "the kicked member is still cooling off");
            assertTrue(elsewhere.join("calm", "u_kicked", now).waitMs() <= 60_000 - (now - t) + 5);
            assertEquals(Kind.LOCKED, kindOf(elsewhere.join("quiet", "u_bo", now)), "the locked room stays locked");
            Posted again = post(b.broker(), "calm", ANN, "m_2", now);
            assertEquals(Kind.SLOW, kindOf(again.held()), "Ann still waits: " + again);
            assertTrue(again.held().waitMs() > 50_000, "what was left of her minute: " + again.held());
            Posted flood = post(b.broker(), "open", FLO, "f_4", now);
            assertEquals(Kind.RATE_LIMITED, kindOf(flood.held()),
                    "no fresh burst for the flooder: " + flood);
            assertNull(post(b.broker(), "open", BO, "b_1", now).held(), "someone else posts as before");
            assertNull(elsewhere.join("calm", "u_bo", now), "and joins as before");
        }
    }
}
