package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.redis.RedisParking.Found;
import org.kindred.server.broker.redis.RedisParking.Taken;
import org.kindred.server.testing.RedisServer;

/**
 * {@link RedisParking} on a real Redis: a session's record is taken by one taker at most, ever
 * (its node's later writes and parks cannot bring it back); a live record comes with the Redis
 * time of its node's last heartbeat, and is refused once that node is dead for longer than the
 * resume window; a parked record wins over the live one and expires with the window; the history
 * answers which {@code seq} was last added by a given time.
 */
class RedisParkingTest {
    private static final long WINDOW = 60_000;
    private RedisNodes nodes;
    private RedisLink link;
    private String prefix;
    private RedisParking parking;

    @BeforeEach
    void start() {
        nodes = new RedisNodes(RedisServer.shared());
        link = nodes.link();
        prefix = RedisNodes.freshPrefix();
        parking = new RedisParking(link, prefix, 60_000);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    private Taken take(RedisParking p, String key, long window) throws Exception {
        return p.take(key, window).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private long redisNow() {
        List<String> t = link.sync().time();
        return Long.parseLong(t.get(0)) * 1000 + Long.parseLong(t.get(1)) / 1000;
    }

    @Test
    void aLiveRecordIsTakenOnceWithItsNodesLastHeartbeatAndNothingBringsItBack() throws Exception {
        nodes.presence(prefix, "nA", 3_000);
        Thread.sleep(100); // the first heartbeat
        parking.putLive("h1", "nA", "{\"r\":1}", 60_000);
        Taken t = take(parking, "h1", WINDOW);
        assertEquals(Found.LIVE, t.found(), t.toString());
        assertEquals("{\"r\":1}", t.value());
        assertEquals("nA", t.node());
        long now = redisNow();
        assertTrue(t.seenAt() > now - 2_000 && t.seenAt() <= now, "the node's last heartbeat, in Redis time: " + t);
        assertEquals(Found.TAKEN, take(parking, "h1", WINDOW).found());

        parking.putLive("h1", "nA", "{\"r\":2}", 60_000); // the old node, not yet told
        parking.park("h1", "{\"r\":3}", 60_000);
        assertEquals(Found.TAKEN, take(parking, "h1", WINDOW).found(), "neither write brought it back");
        parking.forget("h1");
        parking.putLive("h1", "nA", "{\"r\":4}", 60_000);
        assertEquals(Found.TAKEN, take(parking, "h1", WINDOW).found(), "the end of the old copy keeps the mark");
        assertEquals(Found.NONE, take(parking, "unknown", WINDOW).found());
    }

    @Test
    void ofManyTakersOnSeveralLinksExactlyOneGetsEachRecord() throws Exception {
        nodes.presence(prefix, "nA", 3_000);
        List<RedisParking> takers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            takers.add(new RedisParking(nodes.link(), prefix, 60_000));
        }
        for (int k = 0; k < 20; k++) {
            String key = "race" + k;
            parking.putLive(key, "nA", "{\"k\":" + k + "}", 60_000);
            take(parking, "warm" + k, WINDOW); // after the write, on the same link
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Taken>> got = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                RedisParking p = takers.get(i % takers.size());
                got.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return take(p, key, WINDOW);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            go.countDown();
            long winners = 0;
            for (CompletableFuture<Taken> f : got) {
                Taken t = f.get(10, TimeUnit.SECONDS);
                if (t.found() == Found.LIVE) {
                    winners++;
                } else {
                    assertEquals(Found.TAKEN, t.found(), t.toString());
                }
            }
            assertEquals(1, winners, "one taker of " + key);
        }
    }

    @Test
    void aParkedRecordWinsAndWhenItExpiresTheLiveOneDoesNotComeBack() throws Exception {
        nodes.presence(prefix, "nA", 3_000);
        parking.putLive("h2", "nA", "{\"live\":1}", 60_000);
        parking.park("h2", "{\"parked\":1}", 60_000);
        Taken t = take(parking, "h2", WINDOW);
        assertEquals(List.of(Found.PARKED, "{\"parked\":1}"), List.of(t.found(), t.value()));
        assertEquals(Found.TAKEN, take(parking, "h2", WINDOW).found());

        parking.putLive("h3", "nA", "{\"live\":1}", 60_000);
        parking.park("h3", "{\"parked\":1}", 300);
        parking.putLive("h3", "nA", "{\"live\":2}", 60_000); // its rooms changed while it was away
        Thread.sleep(500);
        assertEquals(Found.NONE, take(parking, "h3", WINDOW).found(), "the resume window is over");
    }

    @Test
    void aDeadNodesRecordIsTakenWithinTheWindowAfterItsLastHeartbeatOnly() throws Exception {
        RedisPresence dead = nodes.presence(prefix, "nB", 300);
        Thread.sleep(100);
        dead.close(); // no more heartbeats: its liveness expires
        parking.putLive("h4", "nB", "{}", 60_000);
        parking.putLive("h5", "nB", "{}", 60_000);
        parking.putLive("h6", "nNever", "{}", 60_000);
        Thread.sleep(600);
        assertEquals(0L, (long) link.sync().exists(prefix + "node:nB"), "the node is dead");
        Taken t = take(parking, "h4", 5_000);
        assertEquals(Found.LIVE, t.found(), "within the window: " + t);
        assertTrue(t.seenAt() > 0 && redisNow() - t.seenAt() >= 500, t.toString());
        assertEquals(Found.NONE, take(parking, "h5", 200).found(), "dead for longer than the window");
        assertEquals(Found.NONE, take(parking, "h6", 5_000).found(), "a node never seen");
    }

    @Test
    void seqAtNamesTheLastMessageTheHistoryGotByThen() throws Exception {
        RedisHistory history = new RedisHistory(link, prefix, 50, 3_600_000);
        MemberInfo from = new MemberInfo("u_1", "Ann", Role.MEMBER);
        long before = redisNow();
        Thread.sleep(5);
        for (long seq = 1; seq <= 2; seq++) {
            history.append("r", new ServerMessage.Message("r", "m" + seq, seq, from, "text", System.currentTimeMillis()));
        }
        Thread.sleep(5);
        long between = redisNow();
        Thread.sleep(5);
        history.append("r", new ServerMessage.Message("r", "m3", 3, from, "text", System.currentTimeMillis()));
        assertEquals(0L, parking.seqAt("r", before).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(2L, parking.seqAt("r", between).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(3L, parking.seqAt("r", redisNow()).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(0L, parking.seqAt("empty", redisNow()).toCompletableFuture().get(5, TimeUnit.SECONDS));
    }

    @Test
    void eventsKeptForADroppedSessionComeWithItsTakeOnceAndTheLaterOnesWithADrain() throws Exception {
        parking.park("h7", "{\"parked\":1}", 60_000);
        for (int i = 1; i <= 4; i++) {
            parking.keep("h7", "e" + i, 3, 60_000);
        }
        Taken t = take(parking, "h7", WINDOW);
        assertEquals(Found.PARKED, t.found());
        assertEquals(List.of("e2", "e3", "e4"), t.kept(), "the newest, oldest first");
        parking.keep("h7", "e5", 3, 60_000); // the old node, not yet told
        assertEquals(List.of("e5"), parking.drain("h7").toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(List.of(), parking.drain("h7").toCompletableFuture().get(5, TimeUnit.SECONDS), "once");

        parking.keep("h8", "e1", 3, 60_000);
        long ttl = link.sync().pttl(prefix + "kept:h8");
        assertTrue(ttl > 0 && ttl <= 60_000, "expires with the window: " + ttl);
        parking.forget("h8");
        assertEquals(0L, (long) link.sync().exists(prefix + "kept:h8"), "an ended session's events go");
    }
}
