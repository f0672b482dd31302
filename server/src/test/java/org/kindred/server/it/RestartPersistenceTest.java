package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;

/**
 * Nothing a moderator decided is lost: after {@code kill -9} and a restart, the ban still
 * refuses the banned network, and mutes, reports, escalations and audit entries are there.
 */
class RestartPersistenceTest {

    @Test
    void everyDecisionSurvivesAHardKill() throws Exception {
        Path data = org.kindred.server.testing.TempPaths.directory("kindred-restart");
        try {
            survivesAHardKill(data);
        } finally {
            org.kindred.server.testing.ExternalServices.deleteTree(data);
        }
    }

    private static void survivesAHardKill(Path data) throws Exception {
        Map<String, String> env = Map.of("KINDRED_BOOTSTRAP_MODERATOR", "sam:a long enough password");
        List<WsClient> clients = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        String banId;
        String reportId;
        String mutedMember;
        try (ServerProcess first = ServerProcess.start(data, env)) {
            int port = first.port();
            String token = Moderators.token(port, "sam", "a long enough password");
            WsClient mod = Moderators.watching(port, token, clients);
            WsClient banned = WsClient.connect(port, Map.of(), "127.0.0.5", true);
            clients.add(banned);
            banned.request(Map.of("type", "hello", "v", 1, "id", "h"));
            WsClient ann = WsClient.connect(port, Map.of(), "127.0.0.6", true);
            clients.add(ann);
            ann.request(Map.of("type", "hello", "v", 1, "id", "h"));
            ann.request(Map.of("type", "join", "room", "general", "id", "j"));
            String msg = ann.request(Map.of("type", "send", "room", "general", "text", "I feel hopeless",
                    "id", "s")).path("msg").asText();
            reportId = ann.request(Map.of("type", "report", "room", "general", "msg", msg, "reason", "self_harm",
                    "id", "r")).path("report").asText();
            mutedMember = TestServer.welcomeMember(ann);
            assertEquals("ok", mod.request(Map.of("type", "mod.mute", "room", "general", "member", mutedMember,
                    "seconds", 3600, "id", "m")).path("type").asText());
            JsonNode ok = mod.request(Map.of("type", "mod.ban", "member", TestServer.welcomeMember(banned),
                    "reason", "threats", "id", "b"));
            assertEquals("ok", ok.path("type").asText());
            banId = ok.path("ban").asText();
            first.kill(); // SIGKILL right after the acknowledgement
            logs.addAll(first.output());
        } finally {
            for (WsClient c : clients) {
                c.close();
            }
        }

        clients.clear();
        try (ServerProcess second = ServerProcess.start(data, Map.of())) {
            int port = second.port();
            WsClient again = WsClient.connect(port, Map.of(), "127.0.0.5", true);
            clients.add(again);
            assertEquals("banned", again.request(Map.of("type", "hello", "v", 1, "id", "h")).path("code").asText(),
                    "the ban survived kill -9 and restart");
            String token = Moderators.token(port, "sam", "a long enough password");
            WsClient mod = Moderators.watching(port, token, clients);
            JsonNode queue = mod.request(Map.of("type", "mod.queue", "id", "q"));
            assertEquals(reportId, queue.path("reports").get(0).path("report").asText());
            assertEquals("I feel hopeless", queue.path("reports").get(0).path("excerpt").asText());
            assertEquals("report", queue.path("escalations").get(0).path("source").asText());
            assertEquals("ok", mod.request(Map.of("type", "mod.unban", "ban", banId, "id", "u")).path("type").asText(),
                    "the ban is known by its id after the restart");
            logs.addAll(second.output());
        } finally {
            for (WsClient c : clients) {
                c.close();
            }
        }

        String all = String.join("\n", logs);
        assertTrue(all.contains("listening"), "logs were captured");
        for (String secret : List.of("I feel hopeless", "a long enough password", "127.0.0.5", "127.0.0.6")) {
            assertFalse(all.contains(secret), "logs must not contain " + secret);
        }
        try (Store store = SqliteStore.open(data, StoreConfig.defaults())) {
            Set<String> actions = store.audit().recent(100).stream().map(AuditEntry::action)
                    .collect(Collectors.toSet());
            assertTrue(actions.containsAll(Set.of("ban", "mute", "report_received", "escalation_opened", "unban")),
                    actions.toString());
            assertFalse(store.mutes().active("general", mutedMember, System.currentTimeMillis()).isEmpty(),
                    "the mute survived");
        }
    }
}
