package org.kindred.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a frame can fail to decode still echoes the request's {@code id} when it could be read. */
class IdEchoTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();

    private ServerMessage.Error error(String frame) {
        Decoded d = codec.decodeClient(frame);
        assertFalse(d.isOk(), frame);
        return d.error();
    }

    @Test
    void duplicateKeys() {
        ServerMessage.Error e = error("{\"id\":\"r1\",\"type\":\"join\",\"room\":\"a\",\"room\":\"b\"}");
        assertEquals("r1", e.id());
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("A field appears more than once in that message.", e.message());
    }

    @Test
    void duplicateKeyBeforeTheId() {
        assertEquals("r2", error("{\"type\":\"rooms\",\"type\":\"rooms\",\"id\":\"r2\"}").id());
    }

    @Test
    void tooDeepNestingBeforeAndAfterTheId() {
        String deep = "[".repeat(200) + "]".repeat(200);
        assertEquals("d1", error("{\"type\":\"rooms\",\"x\":" + deep + ",\"id\":\"d1\"}").id());
        assertEquals("d2", error("{\"id\":\"d2\",\"type\":\"rooms\",\"x\":" + deep + "}").id());
        assertTrue(error("{\"id\":\"d2\",\"x\":" + deep + "}").message().contains("nested too deeply"));
    }

    @Test
    void nestedIdIsNotTheRequestId() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        assertNull(error("{\"type\":\"rooms\",\"x\":{\"id\":\"inner\",\"y\":" + deep + "}}").id());
    }

    @Test
    void oversizedNumbers() {
        String digits = "9".repeat(5000);
        assertEquals("n1", error("{\"id\":\"n1\",\"type\":\"mod.slow\",\"room\":\"a\",\"seconds\":" + digits + "}").id());
        assertEquals("n2", error("{\"type\":\"rooms\",\"x\":" + digits + ".5e99999,\"id\":\"n2\"}").id());
        // Fits the number limit but not a long: still refused with the id.
        assertEquals("n3", error("{\"id\":\"n3\",\"type\":\"mod.slow\",\"room\":\"a\",\"seconds\":"
                + "9".repeat(30) + "}").id());
        assertEquals("n4", error("{\"id\":\"n4\",\"type\":\"hello\",\"v\":99999999999}").id());
    }

    @Test
    void oversizedFieldName() {
        String name = "k".repeat(ProtocolCodec.MAX_NAME_LENGTH + 1);
        assertEquals("f1", error("{\"id\":\"f1\",\"type\":\"rooms\",\"" + name + "\":1}").id());
    }

    @Test
    void malformedAfterTheId() {
        assertEquals("m1", error("{\"id\":\"m1\",\"type\":").id());
        assertEquals("m2", error("{\"id\":\"m2\",\"type\":\"rooms\"} trailing").id());
        assertEquals("m3", error("{\"id\":\"m3\",\"type\":\"rooms\",}").id());
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"id\":\"m1\",\"type\":").code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":", "{\"id\":7,\"type\":\"rooms\",\"type\":1}", "[{\"id\":\"x\"}",
        "{\"id\":\"" + "x" + "\\u0000", "{\"x\":\"id\",\"type\":\"rooms\",\"type\":2}"})
    void noIdWhenNoneCouldBeRead(String frame) {
        assertNull(error(frame).id());
    }

    /** Found by CodecFuzzTest#decodeArbitraryText (seed finding-duplicate-id-first-too-long.json). */
    @Test
    void repeatedIdAfterAnInvalidOneIsEchoed() {
        String longId = "i".repeat(ClientMessage.MAX_ID_LENGTH + 1);
        assertEquals("ok", error("{\"type\":\"rooms\",\"id\":\"" + longId + "\",\"id\":\"ok\"}").id());
        assertEquals("ok2", error("{\"type\":\"rooms\",\"id\":{\"id\":\"inner\"},\"id\":\"ok2\"}").id());
        assertEquals("ok3", error("{\"type\":\"rooms\",\"id\":[\"a\"],\"id\":\"ok3\"}").id());
    }

    @Test
    void tooLongIdIsNeverEchoed() {
        String longId = "i".repeat(ClientMessage.MAX_ID_LENGTH + 1);
        assertNull(error("{\"id\":\"" + longId + "\",\"type\":\"rooms\",\"type\":\"rooms\"}").id());
        assertNull(error("{\"id\":\"" + longId + "\",\"type\":\"rooms\"}").id());
    }

    @Test
    void recordLevelFailuresEchoTheId() {
        assertEquals("j1", error("{\"id\":\"j1\",\"type\":\"join\",\"room\":\"" + "x".repeat(5000) + "\"}").id());
        assertEquals("u1", error("{\"id\":\"u1\",\"type\":\"dance\"}").id());
        assertEquals("t1", error("{\"id\":\"t1\",\"type\":[]}").id());
    }

    @Test
    void unknownTypeIsEchoedOnlyWhenItIsPlainText() {
        assertEquals("Unknown message type 'dance'.", error("{\"type\":\"dance\"}").message());
        assertEquals("Unknown message type.", error("{\"type\":\"<script>\\u202e\"}").message());
        assertEquals("Unknown message type.", error("{\"type\":\"" + "a".repeat(41) + "\"}").message());
    }

    /** {@code count} field names of equal length that all collide under the hash {@code h = h * mult + c}. */
    static String collidingNames(int bits, String zero, String one) {
        StringBuilder frame = new StringBuilder("{\"id\":\"c1\",\"type\":\"rooms\"");
        for (int i = 0; i < 1 << bits; i++) {
            frame.append(",\"");
            for (int b = 0; b < bits; b++) {
                frame.append(((i >> b) & 1) == 0 ? zero : one);
            }
            frame.append("\":1");
        }
        return frame.append('}').toString();
    }

    /**
     * Field names that collide in Jackson's shared field-name table used to be refused (collision
     * limit), and after a few such frames could make Jackson fail with an internal
     * IllegalStateException; the codec keeps no such table, so they are ordinary unknown fields.
     */
    @Test
    void hashCollidingFieldNamesAreOrdinaryUnknownFields() {
        ProtocolCodec fresh = new ProtocolCodec();
        for (int bits : new int[] {8, 9, 10}) {
            Decoded jacksonHash = fresh.decodeClient(collidingNames(bits, "Aa", "B@")); // 33-multiplier collisions
            assertTrue(jacksonHash.isOk(), () -> jacksonHash.error().message());
            Decoded javaHash = fresh.decodeClient(collidingNames(bits, "Aa", "BB")); // String.hashCode collisions
            assertTrue(javaHash.isOk(), () -> javaHash.error().message());
            assertEquals("c1", javaHash.message().id());
        }
        assertTrue(fresh.decodeClient("{\"type\":\"leave\",\"room\":\"a\"}").isOk());
    }

    @Test
    void nullFrameIsAnError() {
        assertEquals(ErrorCode.BAD_REQUEST, codec.decodeClient(null).error().code());
    }
}
