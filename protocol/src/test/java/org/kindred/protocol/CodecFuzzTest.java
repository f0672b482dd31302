package org.kindred.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the codec (Jazzer). In {@code mvn test} each target runs over its
 * committed seeds in {@code src/test/resources/org/kindred/protocol/CodecFuzzTestInputs/<target>/};
 * with {@code JAZZER_FUZZ=1} and {@code -Dtest=CodecFuzzTest#<target>} it fuzzes for real.
 *
 * <p>Contract checked on every input: decoding finishes and never throws; the result is exactly
 * one of a request or an {@code error} whose message is a readable sentence; the error echoes
 * the request's {@code id} whenever a valid one is at the top level of a parseable frame; a
 * decoded request re-encodes to an equal request; every {@link ServerMessage} round-trips.
 */
class CodecFuzzTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.shared();
    /** An independent, permissive reader: what a tolerant JSON library makes of the frame. */
    private static final ObjectMapper PERMISSIVE = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000)
                    .maxNumberLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).build())
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES) // no collision-chain limit
            .build());

    /** One valid request of every type; the mutation target edits these. */
    static final List<String> VALID = List.of(
            "{\"type\":\"hello\",\"id\":\"1\",\"v\":1,\"locale\":\"en-GB\",\"region\":\"GB\"}",
            "{\"type\":\"rooms\",\"id\":\"2\"}",
            "{\"type\":\"join\",\"id\":\"3\",\"room\":\"lobby\",\"nick\":\"Quiet Heron\"}",
            "{\"type\":\"leave\",\"id\":\"4\",\"room\":\"lobby\"}",
            "{\"type\":\"send\",\"id\":\"5\",\"room\":\"lobby\",\"text\":\"hello there\"}",
            "{\"type\":\"typing\",\"room\":\"lobby\"}",
            "{\"type\":\"report\",\"id\":\"6\",\"room\":\"lobby\",\"msg\":\"m_abc\",\"reason\":\"spam\",\"note\":\"n\"}",
            "{\"type\":\"help\",\"id\":\"7\",\"room\":\"lobby\"}",
            "{\"type\":\"mod.watch\",\"id\":\"8\",\"rooms\":[\"*\",\"lobby\"]}",
            "{\"type\":\"mod.delete\",\"id\":\"9\",\"room\":\"lobby\",\"msg\":\"m_abc\",\"reason\":\"r\"}",
            "{\"type\":\"mod.mute\",\"id\":\"10\",\"room\":\"lobby\",\"member\":\"u_x\",\"seconds\":60}",
            "{\"type\":\"mod.unmute\",\"id\":\"11\",\"room\":\"lobby\",\"member\":\"u_x\"}",
            "{\"type\":\"mod.kick\",\"id\":\"12\",\"room\":\"lobby\",\"member\":\"u_x\",\"seconds\":30}",
            "{\"type\":\"mod.ban\",\"id\":\"13\",\"member\":\"u_x\",\"seconds\":3600,\"reason\":\"spam\"}",
            "{\"type\":\"mod.unban\",\"id\":\"14\",\"ban\":\"ban_1\"}",
            "{\"type\":\"mod.slow\",\"id\":\"15\",\"room\":\"lobby\",\"seconds\":0}",
            "{\"type\":\"mod.lock\",\"id\":\"16\",\"room\":\"lobby\",\"locked\":true}",
            "{\"type\":\"mod.approve\",\"id\":\"17\",\"room\":\"lobby\",\"msg\":\"m_abc\"}",
            "{\"type\":\"mod.reject\",\"id\":\"18\",\"room\":\"lobby\",\"msg\":\"m_abc\",\"reason\":\"r\"}",
            "{\"type\":\"mod.claim\",\"id\":\"19\",\"escalation\":\"esc_1\"}",
            "{\"type\":\"mod.resolve\",\"id\":\"20\",\"escalation\":\"esc_1\",\"outcome\":\"resolved\"}",
            "{\"type\":\"mod.queue\",\"id\":\"21\"}",
            "{\"type\":\"checkin\",\"id\":\"22\",\"minutes\":60}",
            "{\"type\":\"checkin.cancel\",\"id\":\"23\",\"checkin\":\"chk_1\"}",
            "{\"type\":\"checkin.answer\",\"id\":\"24\",\"checkin\":\"chk_1\",\"answer\":\"worse\"}",
            "{\"type\":\"react\",\"id\":\"25\",\"room\":\"lobby\",\"msg\":\"m_abc\",\"reaction\":\"hug\"}",
            "{\"type\":\"react\",\"id\":\"26\",\"room\":\"lobby\",\"msg\":\"m_abc\",\"reaction\":\"same\","
                    + "\"remove\":true}");

    @FuzzTest(maxDuration = "10m")
    void decodeArbitraryText(byte[] input) {
        checkDecode(new String(input, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "10m")
    void decodeMutatedValidRequest(FuzzedDataProvider data) {
        StringBuilder frame = new StringBuilder(data.pickValue(VALID));
        int edits = data.consumeInt(1, 4);
        for (int i = 0; i < edits && frame.length() > 0; i++) {
            int at = data.consumeInt(0, frame.length() - 1);
            switch (data.consumeInt(0, 3)) {
                case 0 -> frame.insert(at, data.consumeString(16));
                case 1 -> frame.delete(at, Math.min(frame.length(), at + data.consumeInt(1, 8)));
                case 2 -> frame.replace(at, Math.min(frame.length(), at + 1), data.consumeString(8));
                default -> frame.insert(at, data.pickValue(List.of(",\"id\":\"x\"", ",\"type\":\"rooms\"", "[[[[",
                        "]", "9999999999999999999999999999999999", "\\u0000", "\\ud800", "null", ":", "\"")));
            }
        }
        checkDecode(frame.toString());
    }

    @FuzzTest(maxDuration = "10m")
    void encodeRoundTrips(FuzzedDataProvider data) throws Exception {
        ServerMessage m = new ArbitraryServerMessages(data).next();
        byte[] json = CODEC.encode(m);
        assertEquals(m, CODEC.decodeServer(new String(json, StandardCharsets.UTF_8)));
    }

    /** The contract of {@link ProtocolCodec#decodeClient} for one frame. */
    static void checkDecode(String frame) {
        Decoded d = CODEC.decodeClient(frame);
        assertNotNull(d);
        assertTrue(d.message() == null ^ d.error() == null, "exactly one of request and error");
        String expectedId = topLevelId(frame);
        if (d.isOk()) {
            ClientMessage m = d.message();
            assertEquals(expectedId, m.id());
            assertEquals(m, CODEC.decodeClient(CODEC.encodeClient(m)).message(), "re-encoding changes the request");
            return;
        }
        ServerMessage.Error e = d.error();
        assertReadable(e.message());
        if (expectedId != null) {
            assertNotNull(e.id(), "the id " + expectedId + " could be read but was not echoed");
        }
        if (e.id() != null) {
            assertTrue(e.id().length() <= ClientMessage.MAX_ID_LENGTH);
        }
        CODEC.encode(e); // the reply itself always encodes
    }

    /** A sentence a person can read: capital first, full stop last, no control characters, short. */
    static void assertReadable(String sentence) {
        assertNotNull(sentence);
        assertTrue(sentence.length() >= 10 && sentence.length() <= 200, sentence);
        assertTrue(Character.isUpperCase(sentence.charAt(0)), sentence);
        assertTrue(sentence.endsWith("."), sentence);
        sentence.chars().forEach(c -> assertTrue(c >= 0x20 && c != 0x7f && !Character.isSurrogate((char) c),
                sentence));
    }

    /** The valid top-level id when a permissive parser reads the frame as one object, else null. */
    private static String topLevelId(String frame) {
        JsonNode node;
        try {
            node = PERMISSIVE.readTree(frame);
        } catch (Exception e) {
            return null;
        }
        if (node == null || !node.isObject() || node.get("id") == null || !node.get("id").isTextual()) {
            return null;
        }
        String id = node.get("id").textValue();
        return id.length() <= ClientMessage.MAX_ID_LENGTH ? id : null;
    }

    @org.junit.jupiter.api.Test
    void contractHelpersCanFail() {
        assertNull(topLevelId("{\"id\":1}"));
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> assertReadable("bad"));
    }
}
