package org.kindred.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Supportive reactions (1.1): the {@code react} request, the {@code reaction} event and history counts. */
class ReactionProtocolTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();

    private ServerMessage.Error error(String frame) {
        Decoded d = codec.decodeClient(frame);
        assertFalse(d.isOk(), frame);
        assertEquals(ErrorCode.BAD_REQUEST, d.error().code(), frame);
        assertEquals("r", d.error().id(), "the id is echoed: " + frame);
        return d.error();
    }

    private String json(ServerMessage m) {
        return new String(codec.encode(m), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heart", "hug", "strength", "same"})
    void theFourKindsAreAccepted(String kind) {
        Decoded d = codec.decodeClient("{\"type\":\"react\",\"id\":\"r\",\"room\":\"general\",\"msg\":\"m_1\","
                + "\"reaction\":\"" + kind + "\"}");
        assertTrue(d.isOk(), () -> d.error().message());
        ClientMessage.React r = (ClientMessage.React) d.message();
        assertEquals(kind, r.kind().wire());
        assertFalse(r.removing(), "absent remove gives the reaction");
        assertEquals("general", r.room());
        assertEquals("m_1", r.msg());
    }

    @Test
    void removeTrueTakesItBackAndFalseGivesIt() {
        String base = "{\"type\":\"react\",\"id\":\"r\",\"room\":\"general\",\"msg\":\"m_1\",\"reaction\":\"hug\"";
        assertTrue(((ClientMessage.React) codec.decodeClient(base + ",\"remove\":true}").message()).removing());
        assertFalse(((ClientMessage.React) codec.decodeClient(base + ",\"remove\":false}").message()).removing());
        assertTrue(error(base + ",\"remove\":\"yes\"}").message().contains("'remove'"));
        assertTrue(error(base + ",\"remove\":1}").message().contains("'remove'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"dislike\"", "\"Heart\"", "\"\"", "\"heart \"", "\"thumbs_down\""})
    void anUnknownKindIsABadRequestThatNamesTheKinds(String kind) {
        assertEquals("The field 'reaction' must be one of heart, hug, strength or same.", error(
                "{\"type\":\"react\",\"id\":\"r\",\"room\":\"general\",\"msg\":\"m_1\",\"reaction\":" + kind + "}")
                .message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "true", "[\"hug\"]", "{\"k\":\"hug\"}"})
    void aKindOfTheWrongTypeIsABadRequest(String kind) {
        assertTrue(error("{\"type\":\"react\",\"id\":\"r\",\"room\":\"general\",\"msg\":\"m_1\",\"reaction\":"
                + kind + "}").message().contains("'reaction'"));
    }

    @Test
    void missingFieldsAreNamed() {
        assertEquals("The field 'reaction' is required.",
                error("{\"type\":\"react\",\"id\":\"r\",\"room\":\"general\",\"msg\":\"m_1\"}").message());
        assertEquals("The field 'msg' is required.",
                error("{\"type\":\"react\",\"id\":\"r\",\"room\":\"general\",\"reaction\":\"hug\"}").message());
        assertEquals("The field 'room' is required.",
                error("{\"type\":\"react\",\"id\":\"r\",\"msg\":\"m_1\",\"reaction\":\"hug\"}").message());
        assertTrue(error("{\"type\":\"react\",\"id\":\"r\",\"room\":\"general\",\"msg\":\"<b>\",\"reaction\":\"hug\"}")
                .message().startsWith("The field 'msg' must be an identifier"));
    }

    @Test
    void aReactionCarriesNoText() {
        Decoded d = codec.decodeClient("{\"type\":\"react\",\"id\":\"r\",\"room\":\"general\",\"msg\":\"m_1\","
                + "\"reaction\":\"hug\",\"text\":\"you are great\",\"note\":\"x\"}");
        assertTrue(d.isOk());
        assertEquals("{\"type\":\"react\",\"id\":\"r\",\"room\":\"general\",\"msg\":\"m_1\",\"reaction\":\"hug\"}",
                codec.encodeClient(d.message()), "unknown fields are dropped, never carried on");
    }

    @Test
    void theEventLooksAsTheProtocolSays() {
        MemberInfo bo = new MemberInfo("u_2", "Bo", null);
        assertEquals("{\"type\":\"reaction\",\"room\":\"general\",\"msg\":\"m_1\",\"reaction\":\"hug\",\"count\":2,"
                + "\"member\":{\"id\":\"u_2\",\"nick\":\"Bo\"}}",
                json(new ServerMessage.Reaction("general", "m_1", ReactionKind.HUG, 2, bo, false)));
        assertEquals("{\"type\":\"reaction\",\"room\":\"general\",\"msg\":\"m_1\",\"reaction\":\"same\",\"count\":0,"
                + "\"member\":{\"id\":\"u_2\",\"nick\":\"Bo\"},\"removed\":true}",
                json(new ServerMessage.Reaction("general", "m_1", ReactionKind.SAME, 0, bo, true)));
        assertThrows(IllegalArgumentException.class,
                () -> new ServerMessage.Reaction("general", "m_1", ReactionKind.SAME, -1, bo, true));
    }

    @Test
    void historyMessagesCarryCountsOnlyAndLiveOnesNone() {
        MemberInfo ann = new MemberInfo("u_1", "Ann", Role.MEMBER);
        ServerMessage.Message live = new ServerMessage.Message("general", "m_1", 4, ann, "hi", 10L);
        assertFalse(json(live).contains("reactions"), json(live));
        assertNull(live.reactions());
        String counted = json(live.withReactions(new ReactionCounts(2, 0, 1, 0)));
        assertTrue(counted.endsWith(",\"reactions\":{\"heart\":2,\"strength\":1}}"), counted);
        String none = json(live.withReactions(ReactionCounts.NONE));
        assertTrue(none.endsWith(",\"reactions\":{}}"), none);
        String joined = json(new ServerMessage.Joined("j", "general", ann, List.of(ann),
                List.of(live.withReactions(ReactionCounts.NONE.with(ReactionKind.SAME, 3))), "Be kind.",
                new RoomMode(0, false)));
        assertTrue(joined.contains("\"reactions\":{\"same\":3}"), joined);
    }

    @Test
    void countsAreNeverNegativeAndWithChangesOneKind() {
        assertThrows(IllegalArgumentException.class, () -> new ReactionCounts(0, -1, 0, 0));
        ReactionCounts c = ReactionCounts.NONE.with(ReactionKind.HUG, 2).with(ReactionKind.HEART, 1);
        assertEquals(new ReactionCounts(1, 2, 0, 0), c);
        for (ReactionKind k : ReactionKind.values()) {
            assertEquals(7, ReactionCounts.NONE.with(k, 7).of(k));
        }
    }

    @Test
    void aHistoryWithCountsReadsBack() throws Exception {
        String frame = "{\"type\":\"message\",\"room\":\"general\",\"msg\":\"m_1\",\"seq\":4,"
                + "\"from\":{\"id\":\"u_1\",\"nick\":\"Ann\",\"role\":\"member\"},\"text\":\"hi\",\"ts\":10,"
                + "\"reactions\":{\"hug\":5}}";
        ServerMessage.Message m = (ServerMessage.Message) codec.decodeServer(frame);
        assertEquals(new ReactionCounts(0, 5, 0, 0), m.reactions());
    }
}
