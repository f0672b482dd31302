package org.kindred.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.Role;

class ModHandlerTest {

    @Test
    void aMemberIsRefusedAndWatchesNothing() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            new ModHandler(f.moderators).handle(ann.conn(), ann.session(), new ModRequest.Watch("w", List.of("*")),
                    f.now);
            List<JsonNode> out = ann.replies();
            assertEquals(1, out.size(), "exactly one reply");
            assertEquals("error", out.get(0).path("type").asText());
            assertEquals("w", out.get(0).path("id").asText());
            assertEquals("forbidden", out.get(0).path("code").asText());
            assertEquals(ModHandler.STAFF_ONLY.english(), out.get(0).path("message").asText());
            for (Role r : Role.values()) {
                assertEquals(0, f.hub.watching(r), "nobody watches");
            }
        }
    }

    @Test
    void aModeratorsRequestIsCarriedOutByTheModeratorRequests() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer alex = f.peer(Role.MODERATOR);
            new ModHandler(f.moderators).handle(alex.conn(), alex.session(),
                    new ModRequest.Watch("w", List.of("general")), f.now);
            List<JsonNode> out = alex.replies();
            assertEquals(1, out.size(), "exactly one reply");
            assertEquals("ok", out.get(0).path("type").asText());
            assertEquals("w", out.get(0).path("id").asText());
            assertEquals(1, f.hub.watching(Role.MODERATOR), "the moderator now watches the room");
        }
    }
}
