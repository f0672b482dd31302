package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.crisis.CheckInQuestions;
import org.kindred.server.session.Session;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.testing.ManualTimer;

/**
 * The consented check-in over real sockets (PROTOCOL.md 1.1): planning, validation, cancel,
 * the question when the time comes (time moved by hand, never waited for), after a resume,
 * the answers and what moderators and the audit log see.
 */
class CheckInFlowTest {
    private static final String RISK = "I can't do this anymore, I want to end it";
    private final ManualTimer timer = new ManualTimer();
    private final List<WsClient> extra = new ArrayList<>();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(b -> b, "{}", s -> s.checkInTimer(timer));
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    private WsClient member(String locale) throws Exception {
        WsClient c = server.raw();
        Map<String, Object> hello = new HashMap<>(Map.of("type", "hello", "v", 1, "id", "h", "region", "GB"));
        if (locale != null) {
            hello.put("locale", locale);
        }
        JsonNode w = c.request(hello);
        assertEquals("welcome", w.path("type").asText(), w.toString());
        return c;
    }

    private static JsonNode plan(WsClient c, Object minutes, String id) throws Exception {
        return c.request(Map.of("type", "checkin", "minutes", minutes, "id", id));
    }

    private static String planned(WsClient c, int minutes) throws Exception {
        JsonNode ok = plan(c, minutes, "p" + System.nanoTime());
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        String id = ok.path("checkin").asText();
        assertFalse(id.isEmpty(), ok.toString());
        return id;
    }

    private List<AuditEntry> audit(String checkin) {
        return server.server().store().audit().forTarget(checkin, 20);
    }

    /** Waits (briefly, for the store thread) until {@code n} audit entries about the check-in exist. */
    private List<AuditEntry> awaitAudit(String checkin, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<AuditEntry> got = audit(checkin);
        while (got.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
            got = audit(checkin);
        }
        assertEquals(n, got.size(), got.toString());
        return got;
    }

    @Test
    void welcomeListsCheckinAmongTheFeatures() throws Exception {
        WsClient c = member("en");
        JsonNode w = c.seen().get(0);
        assertTrue(w.path("features").isArray(), w.toString());
        assertTrue(w.path("features").toString().contains("\"checkin\""), w.toString());
    }

    @Test
    void aPlannedCheckInAsksItsQuestionWhenTheTimeComesAndNotBefore() throws Exception {
        WsClient c = member("en-GB");
        String id = planned(c, 60);
        timer.advance(Duration.ofMinutes(59));
        c.send(Map.of("type", "rooms", "id", "sync"));
        c.await(n -> "sync".equals(n.path("id").asText()), "sync");
        assertTrue(c.seen().stream().noneMatch(n -> "checkin".equals(n.path("type").asText())), "not yet");

        timer.advance(Duration.ofMinutes(1));
        JsonNode q = c.await("checkin");
        assertEquals(id, q.path("checkin").asText());
        assertEquals(CheckInQuestions.bundled().question("en"), q.path("text").asText());
        assertFalse(q.has("id"), "an event, not a reply");
    }

    @Test
    void theQuestionComesInTheSessionsLanguage() throws Exception {
        WsClient c = member("es-ES");
        planned(c, 15);
        timer.advance(Duration.ofMinutes(15));
        String text = c.await("checkin").path("text").asText();
        assertEquals(CheckInQuestions.bundled().question("es"), text);
        assertTrue(text.contains("¿"), text);
    }

    @Test
    void badValuesAreRefusedWithASentenceAndNothingIsPlanned() throws Exception {
        WsClient c = member("en");
        for (Object minutes : new Object[] {14, 1441, 0, -60, "30", 30.5, true}) {
            JsonNode e = plan(c, minutes, "bad");
            assertEquals("error", e.path("type").asText(), minutes + ": " + e);
            assertEquals("bad_request", e.path("code").asText(), minutes + ": " + e);
            assertTrue(e.path("message").asText().contains("'minutes'"), e.toString());
        }
        JsonNode missing = c.request(Map.of("type", "checkin", "id", "m"));
        assertEquals("The field 'minutes' is required.", missing.path("message").asText());
        JsonNode answer = c.request(Map.of("type", "checkin.answer", "checkin", "chk_x", "answer", "fine", "id", "a"));
        assertEquals("bad_request", answer.path("code").asText());
        assertEquals("The field 'answer' must be one of better, same or worse.", answer.path("message").asText());
        JsonNode shape = c.request(Map.of("type", "checkin.cancel", "checkin", "<script>", "id", "x"));
        assertEquals("bad_request", shape.path("code").asText());
        assertEquals(0, timer.pending(), "nothing was planned");
        assertEquals("ok", plan(c, 15, "still").path("type").asText(), "the connection stays usable");
    }

    @Test
    void unknownCheckInsAreNotFoundAndOnlyTheirOwnSessionCanTouchThem() throws Exception {
        WsClient ann = member("en");
        WsClient bo = member("en");
        String id = planned(ann, 30);
        for (String type : new String[] {"checkin.cancel", "checkin.answer"}) {
            Map<String, Object> r = new HashMap<>(Map.of("type", type, "checkin", "chk_doesNotExist", "id", "u"));
            r.put("answer", "same");
            JsonNode e = ann.request(r);
            assertEquals("not_found", e.path("code").asText(), e.toString());
            assertFalse(e.path("message").asText().isBlank());
            r.put("checkin", id);
            assertEquals("not_found", bo.request(r).path("code").asText(), "another member's check-in: " + type);
        }
        timer.advance(Duration.ofMinutes(30));
        assertEquals(id, ann.await("checkin").path("checkin").asText(), "untouched by the other member");
    }

    @Test
    void aCancelledCheckInNeverComes() throws Exception {
        WsClient c = member("en");
        String id = planned(c, 30);
        JsonNode ok = c.request(Map.of("type", "checkin.cancel", "checkin", id, "id", "c1"));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        assertEquals("not_found", c.request(Map.of("type", "checkin.cancel", "checkin", id, "id", "c2"))
                .path("code").asText(), "cancelled once");
        timer.advance(Duration.ofHours(2));
        c.send(Map.of("type", "rooms", "id", "sync"));
        c.await(n -> "sync".equals(n.path("id").asText()), "sync");
        assertTrue(c.seen().stream().noneMatch(n -> "checkin".equals(n.path("type").asText())));
        List<String> actions = awaitAudit(id, 2).stream().map(AuditEntry::action).toList();
        assertEquals(List.of("checkin_cancelled", "checkin_planned"), actions);
    }

    @Test
    void aSessionMayHaveThreeCheckInsPlannedAndIsToldWhyNotAFourth() throws Exception {
        WsClient c = member("en");
        planned(c, 30);
        planned(c, 60);
        String third = planned(c, 180);
        JsonNode e = plan(c, 30, "fourth");
        assertEquals("forbidden", e.path("code").asText(), e.toString());
        assertTrue(e.path("message").asText().contains("3 check-ins planned"), e.toString());
        c.request(Map.of("type", "checkin.cancel", "checkin", third, "id", "c"));
        planned(c, 30);
    }

    @Test
    void dueWhileAwayTheQuestionComesWhenTheSessionResumes() throws Exception {
        WsClient c = member("en");
        String token = TestServer.welcomeSession(c);
        String memberId = TestServer.welcomeMember(c);
        String id = planned(c, 60);
        c.drop();
        Session s = server.serverOf(c).sessions().byMember(memberId).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!s.isDetached() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(s.isDetached(), "the server saw the drop");
        server.awaitParked(token);
        timer.advance(Duration.ofMinutes(60));

        WsClient back = server.raw();
        JsonNode w = back.request(Map.of("type", "hello", "v", 1, "resume", token, "id", "h2"));
        assertEquals(memberId, w.path("member").path("id").asText(), "resumed");
        JsonNode q = back.await("checkin");
        assertEquals(id, q.path("checkin").asText());
        JsonNode ok = back.request(Map.of("type", "checkin.answer", "checkin", id, "answer", "same", "id", "a"));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
    }

    @Test
    void checkInsGoWhenTheSessionEnds() throws Exception {
        WsClient c = member("en");
        String memberId = TestServer.welcomeMember(c);
        planned(c, 60);
        planned(c, 120);
        Session s = server.serverOf(c).sessions().byMember(memberId).orElseThrow();
        server.serverOf(c).sessions().end(s);
        assertEquals(0, timer.pending(), "timers cancelled");
        assertEquals(0, server.serverOf(c).checkIns().sessions(), "nothing kept in memory");
    }

    @Test
    void betterAndSameAreAuditedWithoutTextAndOpenNoEscalation() throws Exception {
        WsClient mod = moderator();
        WsClient c = member("en");
        c.request(Map.of("type", "join", "room", "anxiety", "nick", "Ann", "id", "j"));
        c.request(Map.of("type", "send", "room", "anxiety", "text", "Rough evening, talking helps", "id", "s"));
        for (String answer : new String[] {"better", "same"}) {
            String id = planned(c, 15);
            timer.advance(Duration.ofMinutes(15));
            c.await(n -> "checkin".equals(n.path("type").asText()) && id.equals(n.path("checkin").asText()), "q");
            JsonNode ok = c.request(Map.of("type", "checkin.answer", "checkin", id, "answer", answer, "id", "a"));
            assertEquals("ok", ok.path("type").asText(), ok.toString());
            List<AuditEntry> entries = awaitAudit(id, 2);
            AuditEntry answered = entries.get(0);
            assertEquals("checkin_answered", answered.action());
            assertEquals(answer, answered.reason());
            assertEquals(memberId(c), answered.actor());
            assertEquals("15 min", entries.get(1).reason());
            assertEquals("not_found", c.request(Map.of("type", "checkin.answer", "checkin", id, "answer", answer,
                    "id", "again")).path("code").asText(), "answered once");
        }
        mod.send(Map.of("type", "mod.queue", "id", "q"));
        JsonNode queue = mod.await(n -> "q".equals(n.path("id").asText()), "queue");
        assertEquals(0, queue.path("escalations").size(), queue.toString());
        assertTrue(c.seen().stream().noneMatch(n -> "crisis".equals(n.path("type").asText())), "no card");
        for (AuditEntry a : server.server().store().audit().recent(200)) {
            assertFalse(String.valueOf(a.reason()).contains("Rough evening"), a.toString());
        }
    }

    @Test
    void worseSendsTheCrisisCardAndOpensAHighEscalationAWatchingModeratorSees() throws Exception {
        WsClient mod = moderator();
        WsClient c = member("en-GB");
        c.request(Map.of("type", "join", "room", "depression", "nick", "Ann", "id", "j"));
        String id = planned(c, 180);
        timer.advance(Duration.ofHours(3));
        c.await("checkin");
        JsonNode ok = c.request(Map.of("type", "checkin.answer", "checkin", id, "answer", "worse", "id", "w"));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        JsonNode card = c.await("crisis");
        assertNull(card.get("id"), "an event after the ok");
        assertEquals("high", card.path("level").asText());
        assertEquals("GB", card.path("resources").get(0).path("region").asText(), "lines of the member's region");
        String escalation = card.path("escalation").asText();
        assertFalse(escalation.isEmpty(), card.toString());

        JsonNode esc = mod.await("mod.escalation");
        assertEquals(escalation, esc.path("escalation").asText());
        assertEquals("high", esc.path("level").asText());
        assertEquals("open", esc.path("status").asText());
        assertEquals("depression", esc.path("room").asText());
        assertEquals(memberId(c), esc.path("member").asText());
        assertTrue(esc.path("excerpt").asText().contains("check-in"), esc.toString());

        AuditEntry answered = awaitAudit(id, 2).get(0);
        assertEquals("checkin_answered", answered.action());
        assertEquals("worse, escalation " + escalation, answered.reason());
    }

    @Test
    void worseAfterARiskMessageKeepsTheOpenEscalationRatherThanOpeningASecond() throws Exception {
        WsClient mod = moderator();
        WsClient c = member("en");
        c.request(Map.of("type", "join", "room", "depression", "nick", "Ann", "id", "j"));
        c.request(Map.of("type", "send", "room", "depression", "text", RISK, "id", "s"));
        String first = c.seenOrAwait("crisis").path("escalation").asText();
        mod.await("mod.escalation");
        String id = planned(c, 60);
        timer.advance(Duration.ofHours(1));
        c.await("checkin");
        c.request(Map.of("type", "checkin.answer", "checkin", id, "answer", "worse", "id", "w"));
        JsonNode card = c.await("crisis");
        assertEquals("high", card.path("level").asText());
        mod.send(Map.of("type", "mod.queue", "id", "q"));
        JsonNode queue = mod.await(n -> "q".equals(n.path("id").asText()), "queue");
        assertEquals(first, card.path("escalation").asText(), "the card names the escalation already open");
        assertEquals(1, queue.path("escalations").size(), "one person, one escalation: " + queue);
    }

    private WsClient moderator() throws Exception {
        server.server().bootstrapModerator("alex:correct horse battery");
        return Moderators.watching(server, Moderators.token(server.port(), "alex", "correct horse battery"),
                extra);
    }

    private static String memberId(WsClient c) {
        return TestServer.welcomeMember(c);
    }
}
