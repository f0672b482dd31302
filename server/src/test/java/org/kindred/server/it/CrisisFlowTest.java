package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Risk language and help over real sockets: the writer gets help, moderators hear, others see nothing. */
class CrisisFlowTest {
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    private WsClient member(String room, String nick, String region, String locale) throws Exception {
        WsClient c = server.raw();
        Map<String, Object> hello = new java.util.HashMap<>(Map.of("type", "hello", "v", 1, "id", "h"));
        if (region != null) {
            hello.put("region", region);
        }
        if (locale != null) {
            hello.put("locale", locale);
        }
        c.request(hello);
        c.request(Map.of("type", "join", "room", room, "nick", nick, "id", "j"));
        return c;
    }

    private WsClient moderator() throws Exception {
        server.server().bootstrapModerator("alex:correct horse battery");
        return Moderators.watching(server, Moderators.token(server.port(), "alex", "correct horse battery"),
                extra);
    }

    @Test
    void aRiskMessageGetsTheWriterACardAndModeratorsAnEscalationAndNobodyElseSeesIt() throws Exception {
        server = new TestServer();
        WsClient mod = moderator();
        WsClient writer = member("depression", "Ann", "GB", "en-GB");
        WsClient other = member("depression", "Bo", "US", "en-US");
        JsonNode sent = writer.request(Map.of("type", "send", "room", "depression",
                "text", "I have the pills ready and I'm going to take them all tonight", "id", "s"));
        assertEquals("delivered", sent.path("status").asText(), "the person is not silenced");
        JsonNode card = writer.seenOrAwait("crisis");
        assertEquals("imminent", card.path("level").asText());
        assertFalse(card.has("id"), "an event, not a reply");
        assertTrue(card.path("text").asText().length() > 20);
        assertEquals("GB", card.path("resources").get(0).path("region").asText(), "the writer's own country first");
        assertFalse(card.path("escalation").asText().isEmpty());
        JsonNode esc = mod.await("mod.escalation");
        assertEquals(card.path("escalation").asText(), esc.path("escalation").asText());
        assertEquals("imminent", esc.path("level").asText());
        assertEquals("keyword", esc.path("source").asText());
        assertEquals("open", esc.path("status").asText());
        assertTrue(esc.path("excerpt").asText().contains("pills"));
        assertEquals("depression", esc.path("room").asText());
        other.await("message");
        other.send(Map.of("type", "rooms", "id", "sync"));
        other.await(n -> "sync".equals(n.path("id").asText()), "sync");
        for (JsonNode n : other.seen()) {
            assertFalse("crisis".equals(n.path("type").asText()), "only the writer gets the card");
        }
    }

    @Test
    void everydayIdiomsGetNoCard() throws Exception {
        server = new TestServer();
        WsClient a = member("general", "Ann", "US", "en-US");
        for (String text : List.of("this traffic is killing me", "I'd kill for a coffee right now",
                "my phone battery died again", "dying to see the new film")) {
            a.request(Map.of("type", "send", "room", "general", "text", text, "id", "s"));
        }
        a.send(Map.of("type", "rooms", "id", "sync"));
        a.await(n -> "sync".equals(n.path("id").asText()), "sync");
        while (a.poll(300) != null) {
            // collect whatever else arrives
        }
        for (JsonNode n : a.seen()) {
            assertFalse("crisis".equals(n.path("type").asText()), n.toString());
        }
    }

    @Test
    void concernGetsACardAndWaitsInTheQueueWithoutPaging() throws Exception {
        server = new TestServer();
        WsClient mod = moderator();
        WsClient a = member("general", "Ann", null, "de-DE");
        a.request(Map.of("type", "send", "room", "general", "text", "I wish I could just not wake up tomorrow",
                "id", "s"));
        JsonNode card = a.seenOrAwait("crisis");
        assertEquals("concern", card.path("level").asText());
        assertFalse(card.has("escalation"), "no escalation for concern");
        assertEquals("DE", card.path("resources").get(0).path("region").asText(), "the locale's country");
        JsonNode q = mod.request(Map.of("type", "mod.queue", "id", "q"));
        assertEquals("concern", q.path("escalations").get(0).path("level").asText());
        // the queue's reply proves nothing about an event from Ann's node; Ann's help does page, on
        // the same path and after the concern, so once it is here a page for the concern would be too
        assertEquals("crisis", a.request(Map.of("type", "help", "room", "general", "id", "help")).path("type")
                .asText());
        JsonNode paged = mod.await("mod.escalation");
        assertEquals("help", paged.path("source").asText(), "concern does not page: " + paged);
        for (JsonNode n : mod.seen()) {
            assertFalse("mod.escalation".equals(n.path("type").asText()) && n != paged, "concern does not page");
        }
    }

    @Test
    void helpOpensAnEscalationAndRepliesWithACard() throws Exception {
        server = new TestServer();
        WsClient mod = moderator();
        WsClient a = member("anxiety", "Ann", "AU", "en-AU");
        JsonNode card = a.request(Map.of("type", "help", "room", "anxiety", "id", "help1"));
        assertEquals("crisis", card.path("type").asText());
        assertEquals("help1", card.path("id").asText());
        assertEquals("high", card.path("level").asText());
        assertEquals("AU", card.path("resources").get(0).path("region").asText());
        JsonNode esc = mod.await("mod.escalation");
        assertEquals("help", esc.path("source").asText());
        assertEquals(card.path("escalation").asText(), esc.path("escalation").asText());
        JsonNode anywhere = member("general", "Bo", null, null).request(Map.of("type", "help", "id", "h2"));
        assertEquals("crisis", anywhere.path("type").asText(), "help works outside a room too");
        assertTrue(anywhere.path("resources").size() >= 1, "international directory at least");
    }

    @Test
    void aRoomCanHoldRiskMessagesForAModerator() throws Exception {
        server = new TestServer(b -> b, "{\"crisis\":{\"rooms\":{\"grief\":\"hold\"}}}");
        WsClient mod = moderator();
        WsClient a = member("grief", "Ann", "IE", "en-IE");
        WsClient b = member("grief", "Bo", null, null);
        JsonNode sent = a.request(Map.of("type", "send", "room", "grief", "text", "I want to kill myself",
                "id", "s"));
        assertEquals("held", sent.path("status").asText());
        assertEquals("high", a.seenOrAwait("crisis").path("level").asText(), "still gets help at once");
        JsonNode held = mod.await("mod.held");
        assertEquals(sent.path("msg").asText(), held.path("msg").asText());
        assertTrue(held.path("categories").toString().contains("risk"));
        // Ann's next message is the first Bo gets: the held one delivered would have come before it
        // (a reply to Bo's own request proves nothing about Ann's, which may come from another node)
        assertEquals("delivered", a.request(Map.of("type", "send", "room", "grief", "text", "thank you for being here",
                "id", "s3")).path("status").asText());
        assertEquals("thank you for being here", b.await("message").path("text").asText(), "held, not delivered");
        WsClient elsewhere = member("general", "Cy", null, null);
        assertEquals("delivered", elsewhere.request(Map.of("type", "send", "room", "general",
                "text", "I want to kill myself", "id", "s2")).path("status").asText(), "other rooms deliver");
    }
}
