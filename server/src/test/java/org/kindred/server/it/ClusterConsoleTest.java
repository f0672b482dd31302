package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.server.common.Ids;

/**
 * The staff console across nodes (two nodes sharing one real Redis and one PostgreSQL database,
 * over real sockets; the moderator on node A): a live event about a member connected to node B
 * names her as the rooms do, online, whichever node raised it; and an approved held message
 * carries its writer's nickname although she left the room before the decision.
 */
class ClusterConsoleTest {
    private static ClusterNodes cluster;
    private static final List<WsClient> STAFF = new ArrayList<>();
    private static WsClient mod;

    @BeforeAll
    static void start() throws Exception {
        cluster = ClusterNodes.sharingStore(2, b -> b, "{}");
        TestServer a = cluster.node(0);
        a.server().bootstrapModerator("alex:correct horse battery");
        mod = Moderators.watching(a.port(), Moderators.token(a.port(), "alex", "correct horse battery"), STAFF);
    }

    @AfterAll
    static void stop() throws Exception {
        for (WsClient c : STAFF) {
            c.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static JsonNode send(WsClient c, String room, String text) throws Exception {
        return c.request(Map.of("type", "send", "room", room, "text", text, "id", Ids.of("s")));
    }

    private static void assertOnline(JsonNode event, String nick, String room) {
        JsonNode current = event.path("current");
        assertTrue(current.path("online").asBoolean(), "online through the other node: " + event);
        assertEquals(nick, current.path("nick").asText(), event.toString());
        assertEquals(room, current.path("room").asText(), event.toString());
    }

    @Test
    void liveEventsAboutAMemberOnAnotherNodeNameHerOnline() throws Exception {
        WsClient ann = cluster.node(1).joined("depression", "Ann");
        WsClient bo = cluster.node(0).joined("depression", "Bo");
        String annId = TestServer.welcomeMember(ann);
        String msg = send(ann, "depression", "a heavy week").path("msg").asText();
        bo.await("message");
        JsonNode ok = bo.request(Map.of("type", "report", "room", "depression", "msg", msg, "reason", "self_harm",
                "id", "r1"));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        String report = ok.path("report").asText();

        // filed on A, where the reported member is not connected
        JsonNode filed = mod.await(n -> "mod.report".equals(n.path("type").asText())
                && report.equals(n.path("report").asText()), "the report, live");
        assertEquals(annId, filed.path("member").asText());
        assertOnline(filed, "Ann", "depression");
        JsonNode opened = mod.await(n -> "mod.escalation".equals(n.path("type").asText())
                && annId.equals(n.path("member").asText()), "the report's escalation, live");
        assertOnline(opened, "Ann", "depression");
        assertTrue(mod.seen().indexOf(filed) < mod.seen().indexOf(opened), "in the order they were published");

        JsonNode claimed = mod.request(Map.of("type", "mod.claim", "escalation", opened.path("escalation").asText(),
                "id", "c1"));
        assertEquals("ok", claimed.path("type").asText(), claimed.toString());
        java.util.function.Predicate<JsonNode> claim = n -> "mod.escalation".equals(n.path("type").asText())
                && "claimed".equals(n.path("status").asText());
        JsonNode update = List.copyOf(mod.seen()).stream().filter(claim).findFirst() // it may come before the ok
                .orElse(null);
        if (update == null) {
            update = mod.await(claim, "the claim, live");
        }
        assertOnline(update, "Ann", "depression");
    }

    @Test
    void aMessageHeldOnBAndApprovedOnAAfterItsWriterLeftKeepsHerNickname() throws Exception {
        WsClient cy = cluster.node(1).joined("grief", "Cy");
        WsClient dee = cluster.node(0).joined("grief", "Dee");
        JsonNode held = send(cy, "grief", "my blog helped me example.org");
        assertEquals("held", held.path("status").asText(), "held on B: " + held);
        String msg = held.path("msg").asText();
        mod.await(n -> "mod.held".equals(n.path("type").asText()) && msg.equals(n.path("msg").asText()),
                "the held message on A");
        assertEquals("ok", cy.request(Map.of("type", "leave", "room", "grief", "id", "l1")).path("type").asText());
        dee.await(n -> "presence".equals(n.path("type").asText()) && "leave".equals(n.path("event").asText()),
                "Cy has left the room everywhere");
        JsonNode ok = mod.request(Map.of("type", "mod.approve", "room", "grief", "msg", msg, "id", "a1"));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        JsonNode delivered = dee.await(n -> "message".equals(n.path("type").asText())
                && msg.equals(n.path("msg").asText()), "the approved message");
        assertEquals("Cy", delivered.path("from").path("nick").asText(), "under the nickname it was written: "
                + delivered);
        assertEquals(TestServer.welcomeMember(cy), delivered.path("from").path("id").asText());
    }
}
