package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.server.broker.redis.RedisEngines;
import org.kindred.server.common.Ids;

/**
 * Three server processes sharing a real Redis and PostgreSQL ({@link ThreeNodes}) when parts of
 * the cluster fail: a node killed with SIGKILL, Redis stopped and started again under traffic
 * ({@link RedisOutage}), PostgreSQL stopped and started again. Each test leaves the cluster whole
 * for the next (dead nodes started again, services running).
 */
class ThreeNodeFailureTest {
    private static ThreeNodes nodes;

    @BeforeAll
    static void start() throws Exception {
        nodes = ThreeNodes.start();
    }

    @AfterEach
    void heal() throws Exception {
        nodes.closeClients();
        nodes.redis().startServer();
        nodes.restartDead();
        nodes.awaitReadyz(200, 30_000);
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static boolean isLeave(JsonNode n) {
        return "presence".equals(n.path("type").asText()) && "leave".equals(n.path("event").asText());
    }

    private static boolean sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
        return true;
    }

    /** The texts of the messages of {@code room} {@code c} received so far, once there are {@code n} (5 s at most). */
    private static List<String> texts(WsClient c, String room, int n) throws InterruptedException {
        return received(c, room, n).stream().map(m -> m.path("text").asText()).toList();
    }

    /** The messages of {@code room} {@code c} received so far, once there are {@code n} (5 s at most). */
    private static List<JsonNode> received(WsClient c, String room, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            List<JsonNode> got = c.seen().stream().filter(m -> ThreeNodeChatTest.isMessage(m, room)).toList();
            if (got.size() >= n || System.currentTimeMillis() > deadline) {
                return got;
            }
            c.poll(100);
        }
    }

    /**
     * Node C is killed with SIGKILL while Pat and Quinn are connected to it and Rae's connection to
     * it has just dropped. Rae (parked) and Pat (still connected when C died) resume on B with their
     * member ids, {@code recovered} and exactly what they missed, and nobody hears them leave; Quinn,
     * who does not come back, is no longer listed and his nickname is free within the liveness TTL
     * (a new session joins under it), and every other member hears him leave, once, about a TTL
     * later (README, "Running several nodes").
     */
    @Test
    void aKilledNodesMembersResumeElsewhereAndThoseWhoDoNotLeaveWithinTheTtl() throws Exception {
        String room = "death";
        WsClient ann = nodes.joined(0, room, "Ann");
        WsClient pat = nodes.joined(2, room, "Pat");
        WsClient quinn = nodes.joined(2, room, "Quinn");
        WsClient rae = nodes.joined(2, room, "Rae");
        String patId = TestServer.welcomeMember(pat);
        String patToken = TestServer.welcomeSession(pat);
        String quinnId = TestServer.welcomeMember(quinn);
        String raeId = TestServer.welcomeMember(rae);
        String raeToken = TestServer.welcomeSession(rae);
        ThreeNodeChatTest.send(ann, room, "before", "s1");
        assertEquals(1, ThreeNodeChatTest.messages(rae, room, 1).get(0).path("seq").asLong());
        assertEquals(1, ThreeNodeChatTest.messages(pat, room, 1).get(0).path("seq").asLong());
        rae.drop();
        long deadline = System.currentTimeMillis() + 5_000;
        while (!"1".equals(nodes.redis().command("EXISTS", ThreeNodes.PARK_PREFIX + Ids.hash(raeToken)))) {
            assertTrue(System.currentTimeMillis() < deadline, "node C parked Rae's dropped session");
            Thread.sleep(20);
        }
        // C says it lives (every third of its TTL) once more after Pat got "before": what a node taking
        // Pat over counts as sent is what the room's history got by C's last heartbeat
        Thread.sleep(RedisEngines.NODE_TTL_MS / 3 + 700);

        nodes.kill(2);
        long t0 = System.currentTimeMillis();
        ThreeNodeChatTest.send(ann, room, "after", "s2");
        List<String[]> returning = List.of(new String[] {"Rae", raeToken, raeId}, new String[] {"Pat", patToken, patId});
        List<WsClient> backs = new ArrayList<>();
        for (String[] who : returning) {
            WsClient back = nodes.raw(1, null);
            backs.add(back);
            JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", who[1]));
            assertEquals(who[2], w.path("member").path("id").asText(), who[0] + " is the same member on B: " + w);
            assertTrue(w.path("recovered").asBoolean(false), "recovered: " + w);
            JsonNode missed = back.await(m -> ThreeNodeChatTest.isMessage(m, room), "what " + who[0] + " missed");
            assertEquals(List.of("after", 2L), List.of(missed.path("text").asText(), missed.path("seq").asLong()));
        }
        for (WsClient back : backs) {
            JsonNode extra = back.poll(500);
            assertTrue(extra == null || !ThreeNodeChatTest.isMessage(extra, room), "exactly that: " + extra);
        }
        for (int i = 0; i < returning.size(); i++) {
            String[] who = returning.get(i);
            ThreeNodeChatTest.send(backs.get(i), room, "still me", "s3" + who[0]);
            JsonNode heard = ann.await(m -> ThreeNodeChatTest.isMessage(m, room)
                    && "still me".equals(m.path("text").asText()), who[0] + "'s message on A");
            assertEquals(List.of(who[0], who[2]), List.of(heard.path("from").path("nick").asText(),
                    heard.path("from").path("id").asText()), "in the room with the same nickname");
        }

        WsClient quinnAgain = nodes.member(1); // Quinn, connected to C when it died, comes back as a new session
        JsonNode j;
        int attempt = 0;
        do {
            j = quinnAgain.request(Map.of("type", "join", "room", room, "nick", "Quinn", "id", "j" + attempt++));
            if (!"joined".equals(j.path("type").asText())) {
                assertEquals("nick_taken", j.path("code").asText(), j.toString());
                Thread.sleep(250);
            }
        } while (!"joined".equals(j.path("type").asText()) && System.currentTimeMillis() - t0 < 30_000);
        long freed = System.currentTimeMillis() - t0;
        assertEquals("joined", j.path("type").asText(), "Quinn's nickname is free again: " + j);
        assertTrue(freed < RedisEngines.NODE_TTL_MS + 2_500, "nickname free " + freed + " ms after the kill");
        assertEquals(List.of("Ann", "Pat", "Quinn", "Rae"), j.path("members").findValues("nick").stream()
                .map(JsonNode::asText).sorted().toList(), "C's Quinn is no longer listed, Pat and Rae still are: " + j);

        Set<String> gone = new HashSet<>();
        while (!gone.contains(quinnId) && System.currentTimeMillis() - t0 < 3 * RedisEngines.NODE_TTL_MS + 10_000) {
            JsonNode n = ann.poll(500);
            if (n != null && isLeave(n)) {
                gone.add(n.path("member").path("id").asText());
            }
        }
        long ms = System.currentTimeMillis() - t0;
        assertTrue(gone.contains(quinnId), "C's Quinn left for Ann; seen " + ann.seen());
        // README: listed no more within the TTL, announced about a TTL later (a grace period, and half-TTL sweeps)
        assertTrue(ms < 3 * RedisEngines.NODE_TTL_MS + 2_000, "leave announced " + ms + " ms after the kill");
        long until = System.currentTimeMillis() + RedisEngines.NODE_TTL_MS; // Pat's or Rae's would come with Quinn's
        while (System.currentTimeMillis() < until) {
            JsonNode n = ann.poll(500);
            if (n != null && isLeave(n)) {
                gone.add(n.path("member").path("id").asText());
            }
        }
        assertEquals(Set.of(quinnId), gone, "only Quinn left, once; Pat and Rae never did; seen " + ann.seen());
    }

    @Test
    void redisStoppedAndStartedUnderTrafficRepeatsNothingAndTheNodesRecover() throws Exception {
        RedisOutage.run(nodes, "redis-out");
    }

    @Test
    void withPostgresDownChatGoesOnAndModeratorActionsFailClearlyUntilItIsBack() throws Exception {
        String room = "pg-out";
        WsClient mod = nodes.moderator(0);
        WsClient ann = nodes.joined(1, room, "Ann");
        WsClient bo = nodes.joined(2, "127.0.0.41", room, "Bo");
        WsClient dee = nodes.joined(2, "127.0.0.42", room, "Dee");
        JsonNode banned = mod.request(Map.of("type", "mod.ban", "member", TestServer.welcomeMember(dee),
                "reason", "spam", "id", "b0"));
        assertEquals("ok", banned.path("type").asText(), banned.toString());
        String deeBan = banned.path("ban").asText();
        assertEquals(4003, dee.awaitClose());
        long known = System.currentTimeMillis() + 3_000; // node B learns Dee's network from C through the store
        String code;
        do {
            WsClient probe = nodes.raw(1, "127.0.0.42");
            code = probe.request(Map.of("type", "hello", "v", 1, "id", "h")).path("code").asText();
            probe.close();
        } while (!"banned".equals(code) && System.currentTimeMillis() < known && sleep(100));
        assertEquals("banned", code, "Dee's network is banned on B before the outage");
        // A conversation under way: the room has its numbers reserved in the store.
        ThreeNodeChatTest.send(ann, room, "before", "a");
        assertEquals(1, texts(bo, room, 1).size());

        String fresh = "pg-new";
        WsClient cy = null;
        WsClient di = null;
        long freshLast = 0;
        nodes.postgres().stopServer();
        try {
            for (int i = 0; i < 5; i++) {
                ThreeNodeChatTest.send(ann, room, "during " + i, "a" + i);
                ThreeNodeChatTest.send(bo, room, "reply " + i, "b" + i);
            }
            for (WsClient c : List.of(ann, bo)) {
                List<String> texts = texts(c, room, 11);
                for (int i = 0; i < 5; i++) {
                    assertTrue(texts.contains("during " + i) && texts.contains("reply " + i), texts.toString());
                }
            }
            // A brand-new room begins its numbering from Redis's copy of the floors (README, "Running several nodes").
            cy = nodes.joined(0, fresh, "Cy");
            di = nodes.joined(2, fresh, "Di");
            List<String> said = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ThreeNodeChatTest.send(cy, fresh, "new " + i, "n" + i);
                ThreeNodeChatTest.send(di, fresh, "answer " + i, "d" + i);
                said.addAll(List.of("new " + i, "answer " + i));
            }
            List<Long> seqs = null;
            for (WsClient c : List.of(cy, di)) {
                List<JsonNode> got = received(c, fresh, said.size());
                assertEquals(said, got.stream().map(m -> m.path("text").asText()).toList(), "in order on every node");
                List<Long> these = got.stream().map(m -> m.path("seq").asLong()).toList();
                for (int i = 1; i < these.size(); i++) {
                    assertTrue(these.get(i) > these.get(i - 1), "seq rises: " + these);
                }
                assertTrue(seqs == null || seqs.equals(these), "the same numbers everywhere: " + seqs + " " + these);
                seqs = these;
            }
            freshLast = seqs.get(seqs.size() - 1);
            long t0 = System.nanoTime();
            JsonNode failed = mod.request(Map.of("type", "mod.ban", "member", TestServer.welcomeMember(bo),
                    "reason", "threats", "id", "b1"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("error", failed.path("type").asText(), "the ban failed, said so: " + failed);
            assertEquals("internal", failed.path("code").asText(), failed.toString());
            assertTrue(ms < 5_000, "answered in " + ms + " ms");
            JsonNode unban = mod.request(Map.of("type", "mod.unban", "ban", deeBan, "id", "u1"));
            assertEquals("internal", unban.path("code").asText(), "the lift failed, said so: " + unban);
            ThreeNodeChatTest.send(bo, room, "not banned", "b9");
            assertTrue(!bo.isClosed(), "the failed ban did not happen");
            WsClient deeAgain = nodes.raw(1, "127.0.0.42");
            assertEquals("banned", deeAgain.request(Map.of("type", "hello", "v", 1, "id", "h")).path("code").asText(),
                    "the ban made before the outage still holds");
        } finally {
            nodes.postgres().startServer();
        }
        nodes.awaitReadyz(200, 30_000);
        ThreeNodeChatTest.send(di, fresh, "once it is back", "d9");
        JsonNode back = cy.await(m -> ThreeNodeChatTest.isMessage(m, fresh)
                && "once it is back".equals(m.path("text").asText()), "the new room's message after the outage");
        assertTrue(back.path("seq").asLong() > freshLast, "seq keeps rising: " + back + " after " + freshLast);
        JsonNode late = nodes.member(0).request(Map.of("type", "join", "room", room, "nick", "Late", "id", "j"));
        List<String> history = late.path("history").findValues("text").stream().map(JsonNode::asText).toList();
        for (int i = 0; i < 5; i++) {
            assertTrue(history.contains("during " + i) && history.contains("reply " + i), "kept: " + history);
        }
        JsonNode again = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            again = mod.request(Map.of("type", "mod.ban", "member", TestServer.welcomeMember(bo), "reason", "threats",
                    "id", "b2" + System.nanoTime()));
            if (!"internal".equals(again.path("code").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("ok", again.path("type").asText(), "a ban works again: " + again);
        assertEquals(4003, bo.awaitClose(), "and closes the member on another node");
        JsonNode bans = mod.request(Map.of("type", "mod.bans", "id", "l"));
        List<String> members = bans.path("bans").findValues("member").stream().map(JsonNode::asText).toList();
        assertTrue(members.containsAll(List.of(TestServer.welcomeMember(dee), TestServer.welcomeMember(bo))),
                "both acknowledged bans are kept: " + bans);
    }
}
