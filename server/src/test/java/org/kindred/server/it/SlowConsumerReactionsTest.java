package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A member who joins and stops reading while the others chat and react (protocol 1.1 reactions
 * fan out to the whole room, the slow member included): the server holds at most one bounded
 * outbound queue for it and closes it as a slow consumer, while every member who reads gets every
 * message and every reaction, in order, and can go on reacting.
 */
class SlowConsumerReactionsTest {
    private static final String[] KINDS = {"heart", "hug", "strength", "same"};

    @Test
    void aMemberWhoStopsReadingIsCutOffWhileReactionsAndMessagesReachEveryoneElse() throws Exception {
        try (TestServer server = new TestServer(b -> b.outboundQueueBytes(64 * 1024).maxFrameBytes(65_536)
                .maxText(20_000).requestBurst(100_000).requestsPerSecond(100_000))) {
            WsClient sender = server.joined("general", "Sender");
            WsClient reader = server.joined("general", "Reader");
            List<WsClient> reactors = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                reactors.add(server.joined("general", "Reactor " + i));
            }
            WsClient slow = server.connect(Map.of(), null, false, 16 * 1024);
            server.track(slow);
            slow.send(Map.of("type", "hello", "v", 1));
            slow.send(Map.of("type", "join", "room", "general", "nick", "Slow"));
            reader.await(n -> "presence".equals(n.path("type").asText())
                    && "Slow".equals(n.path("member").path("nick").asText()), "the slow member's join");
            String text = "z".repeat(19_000);
            int reactionsOk = 0;
            int reactionsHeard = 0;
            boolean cut = false;
            for (int i = 0; i < 3000 && !cut; i++) {
                // "n" first: "1488zzz…" reads as the hate code 1488 followed by a word, and is blocked
                JsonNode sent = sender.request(Map.of("type", "send", "room", "general", "text", "n" + i + text,
                        "id", "s" + i));
                assertEquals("sent", sent.path("type").asText(), sent.toString());
                JsonNode m = reader.await("message");
                assertTrue(m.path("text").asText().startsWith("n" + i + "z"), "in order, nothing lost");
                if (i < 60) {
                    // each reactor gives one reaction per message until its allowance (20) runs out
                    for (WsClient r : reactors) {
                        JsonNode reply = r.request(Map.of("type", "react", "room", "general",
                                "msg", sent.path("msg").asText(), "reaction", KINDS[i % 4], "id", "r" + i));
                        if ("ok".equals(reply.path("type").asText())) {
                            reactionsOk++;
                            JsonNode ev = reader.await("reaction");
                            assertEquals(sent.path("msg").asText(), ev.path("msg").asText(),
                                    "the reader gets each reaction right after its message: " + ev);
                            reactionsHeard++;
                        } else {
                            assertEquals("rate_limited", reply.path("code").asText(), reply.toString());
                        }
                    }
                }
                cut = i % 50 == 49 && server.serverOf(slow).metrics().scrape() // the slow member's node counts it
                        .contains("kindred_slow_consumers_total 1.0");
            }
            String metrics = server.serverOf(slow).metrics().scrape();
            assertTrue(metrics.contains("kindred_slow_consumers_total 1.0"), () -> "the slow member was disconnected: "
                    + metrics.lines().filter(l -> l.startsWith("kindred_slow")).toList());
            assertEquals(6 * 20, reactionsOk, "every reactor's burst of 20 went through");
            assertEquals(reactionsOk, reactionsHeard);
            slow.startReading();
            assertEquals(-1, slow.awaitClose(), "its socket was closed without waiting for it to read");
            for (WsClient c : List.of(sender, reader, reactors.get(0))) {
                assertFalse(c.isClosed(), "members who read stay connected");
            }
        }
    }
}
