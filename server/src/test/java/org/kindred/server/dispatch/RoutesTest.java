package org.kindred.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.Role;

class RoutesTest {

    /** Every concrete request type of the protocol, found through the sealed interfaces. */
    private static List<Class<?>> requestTypes(Class<?> type, List<Class<?>> found) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                requestTypes(sub, found);
            }
        } else {
            found.add(type);
        }
        return found;
    }

    @Test
    void everyRequestTypeButHelloHasAHandler() throws Exception {
        try (Fixture f = new Fixture()) {
            Routes routes = new Routes(f.rooms, PrivateRooms.NONE, new BanCheck(f.bans, () -> f.now), null, f.moderators, f.reports, f.crisis,
                    null);
            List<Class<?>> types = requestTypes(ClientMessage.class, new ArrayList<>());
            assertTrue(types.size() > 20, "the walk found the mod.* and checkin* types too: " + types);
            for (Class<?> t : types) {
                if (t != ClientMessage.Hello.class) {
                    @SuppressWarnings("unchecked")
                    Class<? extends ClientMessage> request = (Class<? extends ClientMessage>) t;
                    assertTrue(routes.handles(request), "no handler for " + t.getSimpleName());
                }
            }
        }
    }

    @Test
    void aTypeWithoutAHandlerIsABadRequestNotSilence() throws Exception {
        try (Fixture f = new Fixture()) {
            Routes routes = new Routes(f.rooms, PrivateRooms.NONE, new BanCheck(f.bans, () -> f.now), null, f.moderators, f.reports, f.crisis,
                    null).on(ModRequest.class, null);
            Fixture.Peer alex = f.peer(Role.MODERATOR);
            routes.route(alex.conn(), alex.session(), new ModRequest.Watch("w", List.of("*")), f.now);
            List<JsonNode> out = alex.replies();
            assertEquals(1, out.size());
            assertEquals("bad_request", out.get(0).path("code").asText());
            assertEquals(Routes.UNHANDLED.english(), out.get(0).path("message").asText());
        }
    }
}
