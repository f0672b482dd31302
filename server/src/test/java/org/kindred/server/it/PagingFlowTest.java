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
import org.kindred.server.paging.WebhookReceiver;

/** Paging over real sockets: a real server, a real member, a real webhook receiver. */
class PagingFlowTest {
    private static final String TEXT = "I have the pills ready and I'm going to take them all tonight";
    private TestServer server;
    private WebhookReceiver receiver;
    private final List<WsClient> extra = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
        receiver.close();
    }

    private void start(Integer... statuses) throws Exception {
        receiver = new WebhookReceiver(statuses);
        server = new TestServer(b -> b, "{\"paging\":{\"afterSeconds\":5,\"retryInitialMillis\":20,"
                + "\"consoleUrl\":\"https://kindred.example\",\"webhooks\":[{\"url\":\"" + receiver.url("/hook")
                + "\",\"format\":\"generic\"}]}}");
    }

    /** The member id of the last writer (to check no page carries it). */
    private String writerId;

    private String writeImminent(String nick) throws Exception {
        WsClient writer = server.joined("depression", nick);
        writerId = TestServer.welcomeMember(writer);
        writer.request(Map.of("type", "send", "room", "depression", "text", TEXT, "id", "s"));
        return writer.seenOrAwait("crisis").path("escalation").asText();
    }

    @Test
    void anImminentMessageWithNoModeratorWatchingPagesTheWebhook() throws Exception {
        start(500);
        String escalation = writeImminent("Ann");
        assertFalse(escalation.isEmpty());
        assertTrue(receiver.await(2, 10_000), "a failed attempt, then the page");
        JsonNode page = receiver.json(1);
        assertEquals("kindred.escalation", page.path("event").asText());
        assertEquals(escalation, page.path("escalation").asText());
        assertEquals("imminent", page.path("level").asText());
        assertEquals("depression", page.path("room").asText());
        assertEquals("nobody_watching", page.path("reason").asText());
        assertEquals("https://kindred.example/moderator.html#escalation=" + escalation, page.path("console").asText());
        for (String body : receiver.bodies()) {
            assertFalse(body.contains("pills"), body);
            assertFalse(body.contains("Ann"), body);
            assertFalse(body.contains(writerId), "no member id: " + body);
        }
        Thread.sleep(500);
        assertEquals(2, receiver.bodies().size(), "one page, not repeated");
    }

    @Test
    void aBadPagingSectionStopsTheStartWithWhatWasExpected() throws Exception {
        receiver = new WebhookReceiver();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> new TestServer(b -> b,
                "{\"paging\":{\"webhooks\":[{\"url\":\"" + receiver.url("/h") + "\",\"format\":\"pagerduty\"}]}}"));
        Throwable t = e;
        while (!(t instanceof org.kindred.server.config.ConfigException) && t.getCause() != null) {
            t = t.getCause();
        }
        assertTrue(t instanceof org.kindred.server.config.ConfigException, e.toString());
        assertTrue(t.getMessage().contains("paging.webhooks[0].routingKey"), t.getMessage());
        assertTrue(t.getMessage().contains("(expected: "), t.getMessage());
        assertFalse(t.getMessage().contains("127.0.0.1"), "a webhook URL is never echoed");
    }

    @Test
    void aWatchingModeratorWhoClaimsInTimeIsNotPagedAbout() throws Exception {
        start();
        server.server().bootstrapModerator("alex:correct horse battery");
        WsClient mod = Moderators.watching(server,
                Moderators.token(server.port(), "alex", "correct horse battery"), extra);
        String escalation = writeImminent("Bo");
        mod.await("mod.escalation");
        JsonNode ok = mod.request(Map.of("type", "mod.claim", "escalation", escalation, "id", "c"));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        String unclaimed = writeImminent("Cy"); // nobody claims this one
        assertTrue(receiver.await(1, 10_000), "the unclaimed one is paged after afterSeconds");
        Thread.sleep(1_000);
        assertEquals(1, receiver.bodies().size(), "only the unclaimed escalation: " + receiver.bodies());
        assertEquals(unclaimed, receiver.json(0).path("escalation").asText());
        assertEquals("unclaimed", receiver.json(0).path("reason").asText());
        assertFalse(receiver.bodies().get(0).contains(escalation), "the claimed one is never paged");
    }
}
