package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;

/**
 * Abuse of supportive reactions (protocol 1.1 {@code react}) over real sockets: a member toggling
 * in a tight loop, many members at once, messages that just left the history, rooms one left, a
 * resumed session, a banned member, staff in the room. Counts are checked as a late joiner's
 * {@code history} shows them.
 */
class ReactionAbuseTest {
    private static final String PW = "correct horse battery";
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();
    private int ids;

    @BeforeEach
    void start() throws Exception {
        // the connection's request allowance is raised so that only the reaction allowance is at work
        server = new TestServer(b -> b.maxConnectionsPerAddress(200).historySize(5).requestBurst(10_000)
                .requestsPerSecond(10_000));
        server.server().staff().accounts().create("kit", Role.SUPPORTER, PW);
        server.server().staff().accounts().create("alex", Role.MODERATOR, PW);
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    private Map<String, Object> react(String room, String msg, String kind, boolean remove) {
        Map<String, Object> m = new HashMap<>(Map.of("type", "react", "id", "r" + (++ids), "room", room, "msg", msg,
                "reaction", kind));
        if (remove) {
            m.put("remove", true);
        }
        return m;
    }

    private static String post(WsClient c, String room, String text) throws Exception {
        JsonNode sent = c.request(Map.of("type", "send", "room", room, "text", text, "id", "s" + text.hashCode()));
        assertEquals("sent", sent.path("type").asText(), sent.toString());
        return sent.path("msg").asText();
    }

    /** The reactions of {@code msg} as a fresh member joining {@code room} sees them (null: not in history). */
    private JsonNode countsSeenByLateJoiner(String room, String msg) throws Exception {
        WsClient late = server.member();
        JsonNode joined = late.request(Map.of("type", "join", "room", room, "id", "late"));
        assertEquals("joined", joined.path("type").asText(), joined.toString());
        for (JsonNode m : joined.path("history")) {
            if (msg.equals(m.path("msg").asText())) {
                return m.path("reactions");
            }
        }
        return null;
    }

    private WsClient staff(String name) throws Exception {
        WsClient c = server.connect();
        extra.add(c);
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "auth", Moderators.token(server.port(), name, PW),
                "id", "h"));
        assertEquals("welcome", w.path("type").asText(), w.toString());
        return c;
    }

    private static long reactionsIn(List<JsonNode> seen) {
        return seen.stream().filter(n -> "reaction".equals(n.path("type").asText())).count();
    }

    @Test
    void aTightToggleLoopIsCutToTheAllowanceAndOthersGoOn() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        WsClient bo = server.joined("general", "Bo");
        WsClient cy = server.joined("general", "Cy");
        String msg = post(ann, "general", "first day back at work");
        int n = 300;
        for (int i = 0; i < n; i++) {
            bo.send(react("general", msg, "heart", i % 2 == 1)); // pipelined, never waiting
        }
        JsonNode cySent = cy.request(Map.of("type", "send", "room", "general", "text", "you've got this", "id", "c"));
        assertEquals("sent", cySent.path("type").asText(), "another member's send is not held up: " + cySent);
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < n; i++) {
            JsonNode reply = bo.await(m -> m.has("id") && m.path("id").asText().startsWith("r"), "reply " + i);
            if ("ok".equals(reply.path("type").asText())) {
                ok++;
            } else {
                assertEquals("rate_limited", reply.path("code").asText(), reply.toString());
                assertTrue(reply.path("retryAfterMs").asLong() > 0, reply.toString());
                limited++;
            }
        }
        assertEquals(n, ok + limited, "every request got exactly one reply");
        assertTrue(ok >= 20 && ok <= 22, "about the burst of 20 gets through, not " + ok);
        // the room heard at most one event per accepted toggle; every one of them is before Bo's typing
        TestServer.typingReached(bo, ann, "general");
        JsonNode alive = ann.request(Map.of("type", "rooms", "id", "alive"));
        assertEquals("rooms", alive.path("type").asText());
        long heard = reactionsIn(ann.seen());
        assertTrue(heard <= ok, "Ann heard " + heard + " reaction events for " + ok + " accepted toggles");
        JsonNode counts = countsSeenByLateJoiner("general", msg);
        assertEquals(ok % 2, counts.path("heart").asInt(0), "an odd number of accepted toggles leaves the heart on: "
                + counts);
        assertFalse(bo.isClosed(), "rate limiting does not close the connection");
    }

    @Test
    void manyMembersAtOnceAreEachCountedExactlyOnce() throws Exception {
        WsClient ann = server.joined("anxiety", "Ann");
        String msg = post(ann, "anxiety", "exam tomorrow and I can't breathe");
        int members = 30;
        List<WsClient> crowd = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            crowd.add(server.joined("anxiety", "Peer " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(members);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        try {
            for (WsClient c : crowd) {
                done.add(pool.submit(() -> {
                    go.await();
                    int oks = 0;
                    // heart twice (the second is a no-op), hug on, off, on; same on
                    String[][] steps = {{"heart", ""}, {"heart", ""}, {"hug", ""}, {"hug", "x"}, {"hug", ""},
                        {"same", ""}};
                    for (String[] s : steps) {
                        Map<String, Object> r = new HashMap<>(Map.of("type", "react", "room", "anxiety", "msg", msg,
                                "reaction", s[0], "id", "m" + System.identityHashCode(c) + s[0] + s[1]
                                        + System.nanoTime()));
                        if (!s[1].isEmpty()) {
                            r.put("remove", true);
                        }
                        oks += "ok".equals(c.request(r).path("type").asText()) ? 1 : 0;
                    }
                    return oks;
                }));
            }
            go.countDown();
            for (Future<Integer> f : done) {
                assertEquals(6, f.get(15, TimeUnit.SECONDS), "every reaction of every member is ok");
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode counts = countsSeenByLateJoiner("anxiety", msg);
        assertEquals(members, counts.path("heart").asInt(), counts.toString());
        assertEquals(members, counts.path("hug").asInt(), counts.toString());
        assertEquals(members, counts.path("same").asInt(), counts.toString());
        assertFalse(counts.has("strength"), counts.toString());
        // Ann heard every change exactly once: 30 hearts + 30 × 3 hug changes + 30 same
        long expected = members * 5L;
        JsonNode last = ann.await(n -> "reaction".equals(n.path("type").asText()) && reactionsIn(ann.seen()) >= expected,
                "all reaction events");
        assertTrue(last != null);
        TestServer.typingReached(crowd, ann, "anxiety"); // an event for a repeated heart would have come before
        assertEquals(expected, reactionsIn(ann.seen()), "one event per change, none for the repeated heart");
    }

    @Test
    void aMessageJustDeletedOrPushedOutTakesNoReactionAndLosesItsCounts() throws Exception {
        WsClient ann = server.joined("grief", "Ann");
        WsClient bo = server.joined("grief", "Bo");
        WsClient mod = staff("alex");
        assertEquals("joined", mod.request(Map.of("type", "join", "room", "grief", "id", "mj")).path("type").asText());
        String doomed = post(ann, "grief", "a message a moderator removes");
        assertEquals("ok", bo.request(react("grief", doomed, "hug", false)).path("type").asText());
        JsonNode del = mod.request(Map.of("type", "mod.delete", "room", "grief", "msg", doomed, "id", "d"));
        assertEquals("ok", del.path("type").asText(), del.toString());
        JsonNode after = bo.request(react("grief", doomed, "heart", false));
        assertEquals("not_found", after.path("code").asText(), after.toString());
        JsonNode back = bo.request(react("grief", doomed, "hug", true));
        assertEquals("not_found", back.path("code").asText(), "nor can one be taken back: " + back);

        String old = post(ann, "grief", "the oldest of six");
        assertEquals("ok", bo.request(react("grief", old, "same", false)).path("type").asText());
        for (int i = 0; i < 5; i++) {
            post(ann, "grief", "newer message " + i); // history keeps 5: the old one is pushed out
        }
        JsonNode pushed = bo.request(react("grief", old, "same", true));
        assertEquals("not_found", pushed.path("code").asText(), pushed.toString());
        assertEquals(null, countsSeenByLateJoiner("grief", old), "no longer in history");
        assertFalse(bo.isClosed());
    }

    @Test
    void aMemberWhoLeftCannotReactAndWhatTheyGaveStaysCountedOnce() throws Exception {
        WsClient ann = server.joined("depression", "Ann");
        WsClient bo = server.joined("depression", "Bo");
        String msg = post(ann, "depression", "therapy was hard today");
        assertEquals("ok", bo.request(react("depression", msg, "strength", false)).path("type").asText());
        assertEquals("ok", bo.request(Map.of("type", "leave", "room", "depression", "id", "l")).path("type").asText());
        JsonNode gone = bo.request(react("depression", msg, "heart", false));
        assertEquals("not_in_room", gone.path("code").asText(), gone.toString());
        assertEquals("joined", bo.request(Map.of("type", "join", "room", "depression", "nick", "Bo", "id", "j2"))
                .path("type").asText());
        ann.request(Map.of("type", "rooms", "id", "before"));
        if (reactionsIn(ann.seen()) == 0) {
            ann.await("reaction"); // Bo's first strength: across nodes (the spread run) it may come after the reply
        }
        long before = reactionsIn(ann.seen());
        assertEquals("ok", bo.request(react("depression", msg, "strength", false)).path("type").asText());
        TestServer.typingReached(bo, ann, "depression"); // an event for it would have come before
        assertEquals(before, reactionsIn(ann.seen()), "the same member's strength again changes nothing");
        assertEquals(1, countsSeenByLateJoiner("depression", msg).path("strength").asInt());
    }

    @Test
    void aResumedSessionIsTheSameMemberAndKeepsItsSpentAllowance() throws Exception {
        WsClient ann = server.joined("recovery", "Ann");
        WsClient bo = server.joined("recovery", "Bo");
        String token = TestServer.welcomeSession(bo);
        String msg = post(ann, "recovery", "ninety days");
        assertEquals("ok", bo.request(react("recovery", msg, "heart", false)).path("type").asText());
        for (int i = 0; i < 19; i++) {
            assertEquals("ok", bo.request(react("recovery", msg, i % 2 == 0 ? "same" : "hug", false))
                    .path("type").asText());
        }
        bo.drop();
        server.awaitParked(token); // spread: the next client is on another node, which finds it there
        WsClient back = server.raw();
        JsonNode w = back.request(Map.of("type", "hello", "v", 1, "resume", token, "id", "h"));
        assertEquals("welcome", w.path("type").asText(), w.toString());
        JsonNode again = back.request(react("recovery", msg, "heart", false));
        assertEquals("rate_limited", again.path("code").asText(), "resuming does not refill the allowance: " + again);
        JsonNode counts = countsSeenByLateJoiner("recovery", msg);
        assertEquals(1, counts.path("heart").asInt(), "counted once: " + counts);
        assertEquals(1, counts.path("same").asInt(), counts.toString());
        assertEquals(1, counts.path("hug").asInt(), counts.toString());
    }

    @Test
    void aBannedMemberCannotReactAgainFromAnySession() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        WsClient bo = server.connect(Map.of(), "127.0.0.9", true);
        server.track(bo);
        JsonNode w = bo.request(Map.of("type", "hello", "v", 1, "id", "h"));
        String boId = w.path("member").path("id").asText();
        String token = w.path("session").asText();
        assertEquals("joined", bo.request(Map.of("type", "join", "room", "general", "nick", "Bo", "id", "j"))
                .path("type").asText());
        String msg = post(ann, "general", "I finally called the helpline");
        WsClient mod = staff("alex");
        JsonNode ban = mod.request(Map.of("type", "mod.ban", "member", boId, "reason", "abuse", "id", "b"));
        assertEquals("ok", ban.path("type").asText(), ban.toString());
        assertEquals(4003, bo.awaitClose());
        TestServer.Answered answered = server.helloAfterBan("127.0.0.9", Map.of("type", "hello", "v", 1,
                "resume", token, "id", "h2"));
        WsClient back = answered.client();
        JsonNode refused = answered.reply();
        assertEquals("banned", refused.path("code").asText(), refused.toString());
        JsonNode react = back.request(react("general", msg, "heart", false));
        assertEquals("error", react.path("type").asText(), "no reaction without a session: " + react);
        assertFalse("ok".equals(react.path("type").asText()));
        ann.request(Map.of("type", "rooms", "id", "sync"));
        assertEquals(0, reactionsIn(ann.seen()), "nothing was announced");
    }

    @Test
    void staffInTheRoomMayReactAndStaffOutsideItMayNot() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        String msg = post(ann, "general", "I made it through the week");
        WsClient kit = staff("kit");
        JsonNode notIn = kit.request(react("general", msg, "strength", false));
        assertEquals("not_in_room", notIn.path("code").asText(), "watching is not being in the room: " + notIn);
        assertEquals("joined", kit.request(Map.of("type", "join", "room", "general", "id", "kj")).path("type").asText());
        assertEquals("ok", kit.request(react("general", msg, "strength", false)).path("type").asText(),
                "a peer supporter in the room may give a supportive reaction");
        WsClient alex = staff("alex");
        assertEquals("joined", alex.request(Map.of("type", "join", "room", "general", "id", "aj")).path("type").asText());
        assertEquals("ok", alex.request(react("general", msg, "strength", false)).path("type").asText());
        JsonNode ev = ann.await(n -> "reaction".equals(n.path("type").asText()) && n.path("count").asInt() == 2,
                "two strengths");
        assertEquals("strength", ev.path("reaction").asText());
        assertEquals(2, countsSeenByLateJoiner("general", msg).path("strength").asInt());
    }

    @Test
    void muteLockAndSlowModeDoNotStopReactions() throws Exception {
        WsClient ann = server.joined("grief", "Ann");
        WsClient bo = server.joined("grief", "Bo");
        String boId = TestServer.welcomeMember(bo);
        String msg = post(ann, "grief", "my dog died this morning");
        WsClient mod = staff("alex");
        assertEquals("ok", mod.request(Map.of("type", "mod.mute", "room", "grief", "member", boId, "seconds", 600,
                "id", "m")).path("type").asText());
        assertEquals("ok", mod.request(Map.of("type", "mod.slow", "room", "grief", "seconds", 600, "id", "s"))
                .path("type").asText());
        assertEquals("ok", mod.request(Map.of("type", "mod.lock", "room", "grief", "locked", true, "id", "l"))
                .path("type").asText());
        JsonNode send = bo.request(Map.of("type", "send", "room", "grief", "text", "so sorry", "id", "t"));
        assertEquals("error", send.path("type").asText(), "Bo may not write: " + send);
        assertEquals("ok", bo.request(react("grief", msg, "hug", false)).path("type").asText());
        assertEquals(1, ann.await(n -> "reaction".equals(n.path("type").asText()), "Bo's hug").path("count").asInt());
    }

    @Test
    void aHeldMessageTakesNoReactionUntilItIsApproved() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        WsClient bo = server.joined("general", "Bo");
        JsonNode sent = ann.request(Map.of("type", "send", "room", "general",
                "text", "this helped me: https://example.org/breathing", "id", "l"));
        assertEquals("held", sent.path("status").asText(), sent.toString());
        String msg = sent.path("msg").asText();
        JsonNode own = ann.request(react("general", msg, "heart", false));
        assertEquals("not_found", own.path("code").asText(), "nobody sees a held message, so nobody reacts: " + own);
        JsonNode guess = bo.request(react("general", msg, "hug", false));
        assertEquals("not_found", guess.path("code").asText(), guess.toString());
        // what either refusal might have announced would reach the other before its typing
        TestServer.typingReached(ann, bo, "general");
        TestServer.typingReached(bo, ann, "general");
        assertEquals(0, reactionsIn(bo.seen()), "nothing about the held message reached the room");
        assertEquals(0, reactionsIn(ann.seen()), "nothing about the held message reached the room");
        WsClient mod = staff("alex");
        JsonNode approve = mod.request(Map.of("type", "mod.approve", "room", "general", "msg", msg, "id", "a"));
        assertEquals("ok", approve.path("type").asText(), approve.toString());
        JsonNode delivered = bo.await("message");
        JsonNode now = bo.request(react("general", delivered.path("msg").asText(), "hug", false));
        assertEquals("ok", now.path("type").asText(), "once delivered it may get reactions: " + now);
    }
}
