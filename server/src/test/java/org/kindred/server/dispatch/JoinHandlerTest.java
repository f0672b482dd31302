package org.kindred.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.Role;
import org.kindred.server.session.Session;
import org.kindred.server.store.NewBan;
import org.kindred.server.transport.Outbound;

class JoinHandlerTest {

    private static JsonNode onlyReply(Fixture.Peer p) throws Exception {
        List<JsonNode> out = p.replies();
        assertEquals(1, out.size(), "exactly one reply");
        return out.get(0);
    }

    private static JoinHandler handler(Fixture f, PrivateRooms privateRooms) {
        return new JoinHandler(new RoomLookup(f.rooms), privateRooms, new BanCheck(f.bans, () -> f.now));
    }

    @Test
    void aBannedNetworkIsRefusedBannedWithTheTimeLeftAndStaysOut() throws Exception {
        try (Fixture f = new Fixture()) {
            f.bans.add(new NewBan(null, "fp", "spam", "alex", f.now, f.now + 60_000));
            Fixture.Peer ann = f.peer(Role.MEMBER);
            handler(f, PrivateRooms.NONE).handle(ann.conn(), ann.session(),
                    new ClientMessage.Join("j", "general", "Ann"), f.now);
            JsonNode refused = onlyReply(ann);
            assertEquals("banned", refused.path("code").asText());
            assertEquals(60_000, refused.path("retryAfterMs").asLong());
            assertEquals(0, f.rooms.get("general").memberCount());
        }
    }

    @Test
    void staffJoinWhateverTheirNetworkAndMembersOtherwise() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            handler(f, PrivateRooms.NONE).handle(ann.conn(), ann.session(),
                    new ClientMessage.Join("j", "general", "Ann"), f.now);
            assertEquals("joined", onlyReply(ann).path("type").asText());
            f.bans.add(new NewBan(null, "fp", "spam", "alex", f.now, null));
            Fixture.Peer alex = f.peer(Role.MODERATOR);
            handler(f, PrivateRooms.NONE).handle(alex.conn(), alex.session(),
                    new ClientMessage.Join("j", "general", "Alex"), f.now);
            assertEquals("joined", onlyReply(alex).path("type").asText());
            assertEquals(2, f.rooms.get("general").memberCount());
        }
    }

    @Test
    void aPrivateRoomGoesToThePrivateRoomsEvenUnderABan() throws Exception {
        try (Fixture f = new Fixture()) {
            f.bans.add(new NewBan(null, "fp", "spam", "alex", f.now, null));
            List<String> joined = new ArrayList<>();
            PrivateRooms handOff = new PrivateRooms() {
                @Override
                public boolean handles(String room) {
                    return room.startsWith("p_");
                }

                @Override
                public void join(Outbound c, Session s, ClientMessage.Join join) {
                    joined.add(join.room());
                }

                @Override
                public void leave(Outbound c, Session s, ClientMessage.Leave leave) {
                }
            };
            Fixture.Peer ann = f.peer(Role.MEMBER);
            handler(f, handOff).handle(ann.conn(), ann.session(), new ClientMessage.Join("j", "p_1", "Ann"), f.now);
            assertEquals(List.of("p_1"), joined, "help comes first: the hand-off decides");
            assertTrue(ann.replies().isEmpty(), "the hand-off writes the reply");
            handler(f, handOff).handle(ann.conn(), ann.session(), new ClientMessage.Join("j2", "general", "Ann"), f.now);
            assertEquals("banned", onlyReply(ann).path("code").asText(), "a configured room is refused");
        }
    }
}
