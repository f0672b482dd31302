package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.Broker.Admission;
import org.kindred.server.broker.Broker.Posted;
import org.kindred.server.broker.BrokerRulesContract;
import org.kindred.server.broker.Restrictions.Kind;
import org.kindred.server.testing.RedisServer;

/**
 * The checked-post contract over a real Redis, and what one script per post adds there: the
 * shared send allowance taken in the same script, a lock made through another node, and one
 * round trip per post.
 */
class RedisBrokerRulesTest extends BrokerRulesContract {
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);
    private static final Admission ANN_POSTS = new Admission("u_1", true, "net_1");
    private RedisNodes nodes;
    private final long t = System.currentTimeMillis();

    @BeforeEach
    void start() {
        nodes = new RedisNodes(RedisServer.shared());
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Override
    protected Broker broker() {
        return nodes.node(RedisNodes.freshPrefix(), 1000, 60_000).broker();
    }

    /** A node whose posts take from a shared allowance of two sends at once, then one per 100 s. */
    private RedisNodes.Node limitedNode(String prefix) {
        RedisNodes.Node n = nodes.node(prefix, 1000, 60_000);
        n.broker().shareRates(new RedisRateLimits(n.link(), prefix, 2, 0.01, 1000, 1000.0));
        return n;
    }

    @Test
    void theSharedAllowanceIsTakenInTheSameScriptAfterTheRulesAndARetryIsNotCharged() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        Broker a = limitedNode(prefix).broker();
        Broker b = limitedNode(prefix).broker();
        assertEquals(1, post(a, ANN, "m_1", "one", t, "u_1\ns1", ANN_POSTS).message().seq());
        assertEquals(2, post(b, ANN, "m_2", "two", t + 1, "u_1\ns2", ANN_POSTS).message().seq(), "on another node");
        Posted third = post(a, ANN, "m_3", "three", t + 2, "u_1\ns3", ANN_POSTS);
        assertEquals(Kind.RATE_LIMITED, third.held().kind(), "one allowance for both nodes: " + third);
        assertTrue(third.held().waitMs() > 90_000 && third.held().waitMs() <= 100_000, "about 100 s: " + third);
        assertEquals("m_1", post(b, ANN, "m_4", "one", t + 3, "u_1\ns1", ANN_POSTS).message().msg(),
                "a retry of a delivered post is answered, not charged");
        a.restrictions().lock("calm", true);
        assertEquals(Kind.LOCKED, post(a, ANN, "m_5", "four", t + 4, "u_1\ns5", ANN_POSTS).held().kind(),
                "the rules come before the allowance");
        a.restrictions().lock("calm", false);
        Posted other = post(a, new MemberInfo("u_2", "Bo", Role.MEMBER), "m_6", "hi", t + 5, "u_2\ns1",
                new Admission("u_2", true, "net_2"));
        assertEquals(3, other.message().seq(), "another member has its own allowance, and nothing held used a number");
    }

    @Test
    void aPostIsOneRoundTripWithRulesAndAllowance() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        RedisNodes.Node n = nodes.node(prefix, 1000, 60_000);
        n.broker().shareRates(new RedisRateLimits(n.link(), prefix, 1000, 1000.0, 1000, 1000.0));
        n.broker().restrictions().slow("calm", 1);
        n.broker().subscribe("calm", (room, event, except) -> { });
        long before = n.link().commandsSent();
        for (int i = 0; i < 20; i++) {
            MemberInfo m = new MemberInfo("u_" + i, "M" + i, Role.MEMBER);
            assertNull(post(n.broker(), m, "m_" + i, "hi", t, "u_" + i + "\ns", new Admission("u_" + i, true, "net"))
                    .held());
        }
        assertEquals(Kind.SLOW, post(n.broker(), ANN, "m_x", "again", t, "u_0\ns2", new Admission("u_0", true, "net"))
                .held().kind());
        assertEquals(21, n.link().commandsSent() - before,
                "one script per post: retry, rules, allowance, numbering and publish (were three round trips)");
    }

    /** A member posting through node A while a moderator on node B locks the room: nothing after the notice. */
    @Test
    void aLockThroughAnotherNodeLetsNoPostInAfterItsNotice() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        Broker a = nodes.node(prefix, 1000, 60_000).broker();
        Broker b = nodes.node(prefix, 1000, 60_000).broker();
        Feed feed = new Feed();
        a.subscribe("calm", feed);
        List<CompletableFuture<Posted>> posts = new ArrayList<>();
        CompletableFuture<Void> locked = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            b.restrictions().lock("calm", true);
            b.broadcast("calm", new ServerMessage.Notice("calm", "locked", "locked"), null);
        });
        for (int i = 0, after = 0; after < 5; i++) {
            after += locked.isDone() ? 1 : 0;
            posts.add(a.post("calm", ANN, "m_" + i, "line " + i, t, "u_1\ns" + i, ANN_POSTS, m -> { })
                    .toCompletableFuture());
            if (i % 10 == 9) {
                Thread.sleep(1);
            }
        }
        locked.get(5, TimeUnit.SECONDS);
        long delivered = 0;
        for (CompletableFuture<Posted> p : posts) {
            if (p.get(5, TimeUnit.SECONDS).held() == null) {
                delivered++;
            }
        }
        assertTrue(delivered > 0 && delivered < posts.size(), "the lock came while posts were being sent: "
                + delivered + " of " + posts.size());
        for (long i = 0; i < delivered; i++) {
            assertTrue(feed.next() instanceof ServerMessage.Message, "a delivered post before the notice");
        }
        assertTrue(feed.next() instanceof ServerMessage.Notice, "then the notice");
        feed.assertQuiet();
    }
}
