package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.common.Ids;
import org.kindred.server.config.ConfigLoader;

/**
 * {@link ResumeParityContract} on two nodes over Redis and one PostgreSQL database: sessions begin
 * on node 0 and resume on node 1. And what a dropped session's record and its kept events hold in
 * Redis: no word a member wrote (messages come from the room's history), a notice as its sentence's
 * key and arguments, all of it expiring with the resume window.
 */
class ClusterResumeParityTest extends ResumeParityContract {
    private ClusterNodes cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = ClusterNodes.sharingStore(2, b -> b, "{}", setup());
        started(cluster.node(0), cluster.node(1));
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    @Override
    TestServer first() {
        return cluster.node(0);
    }

    @Override
    TestServer second() {
        return cluster.node(1);
    }

    @Override
    void awaitParked(String token) throws Exception {
        cluster.awaitParked(token);
    }

    @Test
    void whatADroppedSessionLeavesInRedisHoldsNoTextAndExpires() throws Exception {
        WsClient mod = moderator();
        WsClient xan = member(first(), "grief", "Xan");
        WsClient yas = member(first(), "grief", "Yas");
        String token = TestServer.welcomeSession(xan);
        dropped(xan);
        sent(yas, "grief", "a private sentence only history keeps");
        member(second(), "grief", "Zed");
        mod.request(Map.of("type", "mod.slow", "room", "grief", "seconds", 30, "id", "s"));
        yas.await(m -> "notice".equals(m.path("type").asText()), "the notice");

        String h = Ids.hash(token);
        String keptKey = cluster.prefix() + "kept:" + h;
        String kept = "";
        long deadline = System.currentTimeMillis() + 5_000;
        while (!kept.contains("notice.slow_mode.on") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            kept = String.valueOf(cluster.redis().command("LRANGE", keptKey, "0", "-1"));
        }
        assertTrue(kept.contains("notice.slow_mode.on") && kept.contains("30"),
                "the notice as its sentence's key and arguments: " + kept);
        assertTrue(kept.contains("Zed"), "the presence change: " + kept);
        assertFalse(kept.contains("Slow mode is on"), "not in words: " + kept);
        String park = String.valueOf(cluster.redis().command("GET", cluster.prefix() + "park:" + h));
        for (String v : new String[] {kept, park}) {
            assertFalse(v.contains("private sentence"), "no message text: " + v);
        }
        long window = ConfigLoader.defaults().resumeWindowSeconds() * 1000L;
        long ttl = Long.parseLong(cluster.redis().command("PTTL", keptKey));
        assertTrue(ttl > 0 && ttl <= window, "expires with the resume window: " + ttl);
    }
}
