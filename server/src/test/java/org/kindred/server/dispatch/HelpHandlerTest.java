package org.kindred.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.Role;
import org.kindred.server.store.Escalation;

class HelpHandlerTest {

    private static JsonNode askForHelp(Fixture f, Fixture.Peer p, String room) throws Exception {
        new HelpHandler(new RoomLookup(f.rooms), f.crisis).handle(p.conn(), p.session(),
                new ClientMessage.Help("h", room), f.now);
        List<JsonNode> out = p.replies();
        assertEquals(1, out.size(), "exactly one reply");
        assertEquals("crisis", out.get(0).path("type").asText());
        assertEquals("h", out.get(0).path("id").asText());
        assertFalse(out.get(0).path("resources").isEmpty(), "the crisis lines");
        return out.get(0);
    }

    @Test
    void helpInARoomOpensAnEscalationThereAndTheCardNamesIt() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            JsonNode card = askForHelp(f, ann, "general");
            Escalation e = f.escalations.unresolved().get(0);
            assertEquals("general", e.room());
            assertEquals(ann.session().memberId(), e.memberId());
            assertEquals(e.id(), card.path("escalation").asText());
        }
    }

    @Test
    void anUnknownRoomCountsAsNoRoom() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            askForHelp(f, ann, "no-such-room");
            assertEquals(1, f.escalations.unresolved().size());
            assertNull(f.escalations.unresolved().get(0).room(), "the unknown name is not stored");
        }
    }
}
