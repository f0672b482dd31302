package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Supportive reactions (protocol 1.1 {@code react}) end to end, over real sockets. */
class ReactionFlowTest {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static Map<String, Object> react(String id, String room, String msg, String kind) {
        return new HashMap<>(Map.of("type", "react", "id", id, "room", room, "msg", msg, "reaction", kind));
    }

    private static Map<String, Object> takeBack(String id, String room, String msg, String kind) {
        Map<String, Object> m = react(id, room, msg, kind);
        m.put("remove", true);
        return m;
    }

    /** Ann's message in {@code room}; returns its id. */
    private static String post(WsClient ann, String room, String text) throws Exception {
        JsonNode sent = ann.request(Map.of("type", "send", "room", room, "text", text, "id", "s-" + text.hashCode()));
        assertEquals("sent", sent.path("type").asText(), sent.toString());
        return sent.path("msg").asText();
    }

    private static JsonNode nextReaction(WsClient c) throws InterruptedException {
        return c.await("reaction");
    }

    @Test
    void welcomeListsReactions() throws Exception {
        JsonNode w = server.member().seen().get(0);
        assertTrue(w.path("features").toString().contains("\"reactions\""), w.toString());
    }

    @Test
    void oneOfEachKindPerMemberAndEveryMemberSeesTheCount() throws Exception {
        WsClient ann = server.joined("anxiety", "Ann");
        WsClient bo = server.joined("anxiety", "Bo");
        WsClient cy = server.joined("anxiety", "Cy");
        String msg = post(ann, "anxiety", "rough morning, panic on the bus");
        String boId = TestServer.welcomeMember(bo);

        assertEquals("ok", bo.request(react("r1", "anxiety", msg, "hug")).path("type").asText());
        for (WsClient c : List.of(ann, bo, cy)) {
            JsonNode ev = nextReaction(c);
            assertEquals("anxiety", ev.path("room").asText());
            assertEquals(msg, ev.path("msg").asText());
            assertEquals("hug", ev.path("reaction").asText());
            assertEquals(1, ev.path("count").asInt());
            assertEquals(boId, ev.path("member").path("id").asText());
            assertEquals("Bo", ev.path("member").path("nick").asText());
            assertFalse(ev.has("removed"), "given, not taken back: " + ev);
            assertFalse(ev.has("id"), "an event carries no id");
            assertFalse(ev.has("text"), "a reaction passes no text");
        }

        JsonNode again = bo.request(react("r2", "anxiety", msg, "hug"));
        assertEquals("ok", again.path("type").asText(), "the same hug again is fine, and changes nothing");
        assertEquals("ok", cy.request(react("r3", "anxiety", msg, "hug")).path("type").asText());
        JsonNode next = nextReaction(ann);
        assertEquals(2, next.path("count").asInt(), "Bo's second hug was not counted nor announced: " + next);
        assertEquals("Cy", next.path("member").path("nick").asText());

        assertEquals("ok", bo.request(react("r4", "anxiety", msg, "strength")).path("type").asText());
        JsonNode strength = ann.await(n -> "reaction".equals(n.path("type").asText())
                && "strength".equals(n.path("reaction").asText()), "Bo's strength");
        assertEquals(1, strength.path("count").asInt(), "another kind has a count of its own");
        // Bo's strength left Bo's node after anything its second hug might have announced; Cy's hug
        // comes from another node, so its being next proved nothing about Bo's
        assertEquals(2, ann.seen().stream().filter(n -> "reaction".equals(n.path("type").asText())
                && "hug".equals(n.path("reaction").asText())).count(), "Bo's second hug was not announced");
    }

    @Test
    void takingBackIsAnnouncedWithTheLowerCount() throws Exception {
        WsClient ann = server.joined("grief", "Ann");
        WsClient bo = server.joined("grief", "Bo");
        WsClient cy = server.joined("grief", "Cy");
        String msg = post(ann, "grief", "it has been a year today");
        bo.request(react("a", "grief", msg, "heart"));
        cy.request(react("b", "grief", msg, "heart"));
        // a presence event has a count too (Bo's join: 2), so only a reaction's counts
        assertEquals(2, ann.await(n -> "reaction".equals(n.path("type").asText()) && n.path("count").asInt() == 2,
                "two hearts").path("count").asInt());

        assertEquals("ok", bo.request(takeBack("c", "grief", msg, "heart")).path("type").asText());
        JsonNode gone = ann.await(n -> "reaction".equals(n.path("type").asText()) && n.path("removed").asBoolean(),
                "Bo's heart taken back");
        assertEquals(1, gone.path("count").asInt());
        assertEquals("heart", gone.path("reaction").asText());

        assertEquals("ok", bo.request(takeBack("d", "grief", msg, "heart")).path("type").asText(),
                "taking back twice is fine and changes nothing");
        cy.request(takeBack("e", "grief", msg, "heart"));
        JsonNode last = ann.await(n -> "reaction".equals(n.path("type").asText()) && n.path("count").asInt() == 0,
                "Cy's heart taken back");
        assertEquals("Cy", last.path("member").path("nick").asText(), "Bo's second take-back was not announced");
        TestServer.typingReached(bo, ann, "grief"); // Cy's take-back came from another node than Bo's
        assertEquals(2, ann.seen().stream().filter(n -> "reaction".equals(n.path("type").asText())
                && n.path("removed").asBoolean()).count(), "Bo's second take-back was not announced");
    }

    @Test
    void aLateJoinerSeesCountsInHistoryAndNoNames() throws Exception {
        WsClient ann = server.joined("depression", "Ann");
        WsClient bo = server.joined("depression", "Bo");
        WsClient cy = server.joined("depression", "Cy");
        String first = post(ann, "depression", "could not get out of bed");
        String second = post(ann, "depression", "but I showered, small win");
        bo.request(react("1", "depression", second, "strength"));
        cy.request(react("2", "depression", second, "strength"));
        cy.request(react("3", "depression", second, "same"));
        bo.request(react("4", "depression", first, "hug"));
        bo.request(takeBack("5", "depression", first, "hug"));

        WsClient late = server.member();
        JsonNode joined = late.request(Map.of("type", "join", "room", "depression", "nick", "Dee", "id", "j"));
        JsonNode history = joined.path("history");
        assertEquals(2, history.size(), joined.toString());
        assertEquals(first, history.get(0).path("msg").asText());
        assertTrue(history.get(0).path("reactions").isObject(), "every history message carries reactions");
        assertEquals(0, history.get(0).path("reactions").size(), "a hug taken back leaves nothing: " + history.get(0));
        JsonNode counts = history.get(1).path("reactions");
        assertEquals(Map.of("strength", 2, "same", 1), asMap(counts));
        assertFalse(history.toString().contains(TestServer.welcomeMember(cy)), "no reactor's id is in the history");
        assertFalse(history.toString().contains("\"Cy\""), "no reactor's nick is in the history");

        JsonNode live = ann.request(Map.of("type", "send", "room", "depression", "text", "thank you all", "id", "s9"));
        JsonNode m = late.await(n -> "message".equals(n.path("type").asText()), "the live message");
        assertEquals(live.path("msg").asText(), m.path("msg").asText());
        assertFalse(m.has("reactions"), "a live message carries no counts");
    }

    @Test
    void unknownMessageRoomOrMembershipAreRefusedAndNothingIsAnnounced() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        WsClient bo = server.joined("general", "Bo");
        String msg = post(ann, "general", "hello everyone");

        JsonNode unknown = bo.request(react("u1", "general", "m_doesnotexist", "hug"));
        assertEquals("error", unknown.path("type").asText());
        assertEquals("not_found", unknown.path("code").asText());
        assertTrue(unknown.path("message").asText().endsWith("."), unknown.toString());

        JsonNode noRoom = bo.request(react("u2", "nowhere", msg, "hug"));
        assertEquals("not_found", noRoom.path("code").asText());

        WsClient outsider = server.joined("grief", "Out");
        JsonNode notIn = outsider.request(react("u3", "general", msg, "hug"));
        assertEquals("not_in_room", notIn.path("code").asText());

        JsonNode otherRoom = outsider.request(react("u4", "grief", msg, "hug"));
        assertEquals("not_found", otherRoom.path("code").asText(), "a message of another room is not found here");

        assertEquals("ok", bo.request(react("u5", "general", msg, "same")).path("type").asText());
        JsonNode first = nextReaction(ann);
        assertEquals("same", first.path("reaction").asText(), "nothing was announced for the refused ones");
    }

    @Test
    void aMessagePastItsTimeInHistoryTakesNoReaction() throws Exception {
        try (TestServer shortLived = new TestServer(b -> b.historyMaxAgeSeconds(1))) {
            WsClient ann = shortLived.joined("general", "Ann");
            WsClient bo = shortLived.joined("general", "Bo");
            String msg = post(ann, "general", "this will age out");
            assertEquals("ok", bo.request(react("a", "general", msg, "heart")).path("type").asText());
            Thread.sleep(1300);
            JsonNode late = bo.request(react("b", "general", msg, "hug"));
            assertEquals("not_found", late.path("code").asText(), late.toString());
        }
    }

    @Test
    void aBadKindIsABadRequestAndTheConnectionStays() throws Exception {
        WsClient ann = server.joined("recovery", "Ann");
        WsClient bo = server.joined("recovery", "Bo");
        String msg = post(ann, "recovery", "30 days today");
        JsonNode bad = bo.request(react("k1", "recovery", msg, "dislike"));
        assertEquals("bad_request", bad.path("code").asText());
        assertTrue(bad.path("message").asText().contains("heart, hug, strength or same"), bad.toString());
        Map<String, Object> noKind = new HashMap<>(Map.of("type", "react", "id", "k2", "room", "recovery",
                "msg", msg));
        assertEquals("bad_request", bo.request(noKind).path("code").asText());
        Map<String, Object> withText = react("k3", "recovery", msg, "strength");
        withText.put("text", "a reaction with words");
        assertEquals("ok", bo.request(withText).path("type").asText(), "extra fields are ignored");
        JsonNode ev = nextReaction(ann);
        assertFalse(ev.toString().contains("a reaction with words"), "no text is passed on: " + ev);
    }

    @Test
    void reactingTooQuicklyIsRateLimitedWithAWait() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        WsClient bo = server.joined("general", "Bo");
        String msg = post(ann, "general", "toggle me");
        String[] kinds = {"heart", "hug", "strength", "same"};
        JsonNode limited = null;
        int accepted = 0;
        for (int i = 0; i < 40 && limited == null; i++) {
            Map<String, Object> r = react("t" + i, "general", msg, kinds[i % 4]);
            if ((i / 4) % 2 == 1) {
                r.put("remove", true);
            }
            JsonNode reply = bo.request(r);
            if ("error".equals(reply.path("type").asText())) {
                limited = reply;
            } else {
                accepted++;
            }
        }
        assertTrue(limited != null, "toggling 40 times in a row is stopped");
        assertEquals("rate_limited", limited.path("code").asText(), limited.toString());
        assertTrue(limited.path("retryAfterMs").asLong() > 0, limited.toString());
        assertEquals(20, accepted, "a burst of 20 reactions is allowed");
        JsonNode other = ann.request(react("x", "general", msg, "hug"));
        assertEquals("ok", other.path("type").asText(), "the limit is per member: Ann may still react");
        JsonNode send = bo.request(Map.of("type", "send", "room", "general", "text", "sorry", "id", "s"));
        assertEquals("sent", send.path("type").asText(), "only reactions are held back");
    }

    private static Map<String, Integer> asMap(JsonNode counts) {
        Map<String, Integer> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertTrue(e.getValue().isInt(), "counts only: " + counts);
            out.put(e.getKey(), e.getValue().asInt());
        }
        return out;
    }
}
