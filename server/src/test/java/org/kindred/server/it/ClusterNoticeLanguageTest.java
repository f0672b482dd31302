package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.common.Ids;

/**
 * On two nodes over one Redis: a room-wide notice made on one node reaches each member of the room,
 * on either node, in that member's language; a member resuming on the other node with another
 * locale reads what follows in the new one.
 */
class ClusterNoticeLanguageTest {

    private static WsClient joined(TestServer node, String locale, String room, String nick) throws Exception {
        WsClient c = WsClient.connect(node.port());
        node.track(c);
        assertEquals("welcome", c.request(Map.of("type", "hello", "v", 1, "locale", locale, "id", "h"))
                .path("type").asText());
        assertEquals("joined", c.request(Map.of("type", "join", "room", room, "nick", nick, "id", "j"))
                .path("type").asText());
        return c;
    }

    private static JsonNode notice(WsClient c, String code) throws InterruptedException {
        return c.await(n -> "notice".equals(n.path("type").asText()) && code.equals(n.path("code").asText()),
                "notice " + code);
    }

    @Test
    void aNoticeFromOneNodeReadsInEachMembersLanguageOnEveryNode() throws Exception {
        List<WsClient> staff = new ArrayList<>();
        try (ClusterNodes cluster = new ClusterNodes(2)) {
            TestServer a = cluster.node(0);
            TestServer b = cluster.node(1);
            a.server().bootstrapModerator("alex:correct horse battery");
            WsClient mod = Moderators.watching(a.port(),
                    Moderators.token(a.port(), "alex", "correct horse battery"), staff);
            WsClient ana = joined(a, "es-ES", "general", "Ana");
            WsClient bert = joined(b, "de-DE", "general", "Bert");
            WsClient cy = joined(b, "es-AR", "general", "Cy");

            assertEquals("ok", mod.request(Map.of("type", "mod.slow", "room", "general", "seconds", 15, "id", "s"))
                    .path("type").asText());
            assertEquals("El modo lento está activado: un mensaje cada 15 segundos.",
                    notice(ana, "slow_mode").path("text").asText());
            assertEquals("Der langsame Modus ist an: eine Nachricht alle 15 Sekunden.",
                    notice(bert, "slow_mode").path("text").asText(), "on the other node, in German");
            assertEquals("El modo lento está activado: un mensaje cada 15 segundos.",
                    notice(cy, "slow_mode").path("text").asText());

            String token = TestServer.welcomeSession(ana);
            ana.drop();
            long deadline = System.currentTimeMillis() + 5_000;
            while (!"1".equals(cluster.redis().command("EXISTS", cluster.prefix() + "park:" + Ids.hash(token)))) {
                assertTrue(System.currentTimeMillis() < deadline, "the dropped session was parked");
                Thread.sleep(20);
            }
            WsClient back = WsClient.connect(b.port());
            b.track(back);
            assertEquals("welcome", back.request(Map.of("type", "hello", "v", 1, "id", "h2", "resume", token,
                    "locale", "fr-FR")).path("type").asText());
            assertEquals("ok", mod.request(Map.of("type", "mod.lock", "room", "general", "locked", true, "id", "l"))
                    .path("type").asText());
            assertEquals("L'équipe de modération a verrouillé ce salon pour le moment.",
                    notice(back, "locked").path("text").asText(), "resumed on B in French");
        } finally {
            for (WsClient c : staff) {
                c.close();
            }
        }
    }
}
