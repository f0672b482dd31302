package org.kindred.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecodeErrorsTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();

    private ServerMessage.Error error(String frame) {
        Decoded d = codec.decodeClient(frame);
        assertFalse(d.isOk(), frame);
        return d.error();
    }

    @Test
    void malformedJson() {
        ServerMessage.Error e = error("{\"type\":");
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertNull(e.id());
        assertEquals("That message is not valid JSON.", e.message());
    }

    @Test
    void trailingGarbageIsMalformed() {
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"rooms\"} x").code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[1,2]", "\"hello\"", "42", "null", "true"})
    void notAnObject(String frame) {
        assertEquals("Each message must be a JSON object.", error(frame).message());
    }

    @Test
    void missingTypeEchoesId() {
        ServerMessage.Error e = error("{\"id\":\"a1\",\"room\":\"x\"}");
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("a1", e.id());
    }

    @Test
    void typeMustBeAString() {
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":5}").code());
    }

    @Test
    void reachNamesExactlyOneOfEscalationAndMember() {
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"mod.reach\",\"id\":\"r\"}").code());
        ServerMessage.Error both = error("{\"type\":\"mod.reach\",\"id\":\"r\",\"escalation\":\"e1\",\"member\":\"u1\"}");
        assertEquals(ErrorCode.BAD_REQUEST, both.code());
        assertEquals("r", both.id());
        assertTrue(both.message().contains("either"), both.message());
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"mod.reach\",\"member\":\"no spaces\"}").code());
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"mod.close\",\"id\":\"c\"}").code());
    }

    @Test
    void unknownType() {
        ServerMessage.Error e = error("{\"type\":\"dance\",\"id\":\"z\"}");
        assertEquals(ErrorCode.UNKNOWN_TYPE, e.code());
        assertEquals("z", e.id());
    }

    @Test
    void missingField() {
        ServerMessage.Error e = error("{\"type\":\"join\",\"id\":\"q\"}");
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertEquals("q", e.id());
        assertEquals("The field 'room' is required.", e.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"join\",\"room\":5}|room",
        "{\"type\":\"join\",\"room\":true}|room",
        "{\"type\":\"join\",\"room\":{\"a\":1}}|room",
        "{\"type\":\"send\",\"room\":\"a\",\"text\":[\"x\"]}|text",
        "{\"type\":\"hello\",\"v\":\"1\"}|v",
        "{\"type\":\"mod.lock\",\"room\":\"a\",\"locked\":\"yes\"}|locked",
        "{\"type\":\"mod.watch\",\"rooms\":\"*\"}|rooms"})
    void mistypedField(String frame, String field) {
        ServerMessage.Error e = error(frame);
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.message().contains("'" + field + "'"), e.message());
    }

    @Test
    void enumValueNotAllowed() {
        ServerMessage.Error e = error("{\"type\":\"report\",\"room\":\"a\",\"msg\":\"m\",\"reason\":\"boring\"}");
        assertEquals("The field 'reason' has a value that is not allowed.", e.message());
    }

    @Test
    void idTooLongOrNotAString() {
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"rooms\",\"id\":\"" + "x".repeat(65) + "\"}").code());
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"rooms\",\"id\":7}").code());
        assertTrue(codec.decodeClient("{\"type\":\"rooms\",\"id\":\"" + "x".repeat(64) + "\"}").isOk());
    }

    @Test
    void unknownFieldsAreIgnored() {
        Decoded d = codec.decodeClient("{\"type\":\"leave\",\"room\":\"a\",\"future\":{\"x\":[1,2]}}");
        assertEquals(new ClientMessage.Leave(null, "a"), d.message());
    }

    @Test
    void nestingIsLimited() {
        String deep = "{\"type\":\"rooms\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertEquals(ErrorCode.BAD_REQUEST, error(deep).code());
    }

    @Test
    void negativeSecondsRejected() {
        assertEquals("The field 'seconds' must not be negative.",
                error("{\"type\":\"mod.slow\",\"room\":\"a\",\"seconds\":-1}").message());
    }

    @Test
    void duplicateKeysRejected() {
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"join\",\"room\":\"a\",\"room\":\"b\"}").code());
    }

    /**
     * A string of spaces or control characters where a number or boolean belongs is mistyped like
     * any other string: Jackson's default would read it as null, i.e. as absent, so {@code react}
     * with {@code "remove":" "} gave a reaction instead of failing (found by NaughtyStringsTest's
     * react phase).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"react\",\"room\":\"general\",\"msg\":\"m1\",\"reaction\":\"hug\",\"remove\":\" \"}|remove",
        "{\"type\":\"react\",\"room\":\"general\",\"msg\":\"m1\",\"reaction\":\"hug\",\"remove\":\"\\u0000\"}|remove",
        "{\"type\":\"react\",\"room\":\"general\",\"msg\":\"m1\",\"reaction\":\"hug\",\"remove\":\"\\r\\n\\t\"}|remove",
        "{\"type\":\"mod.kick\",\"room\":\"general\",\"member\":\"u1\",\"seconds\":\"  \"}|seconds",
        "{\"type\":\"mod.lock\",\"room\":\"general\",\"locked\":\" \"}|locked",
        "{\"type\":\"checkin\",\"minutes\":\" \"}|minutes",
        "{\"type\":\"hello\",\"v\":\" \"}|v"})
    void blankStringsAreNotNumbersOrBooleans(String frame, String field) {
        ServerMessage.Error e = error(frame);
        assertEquals(ErrorCode.BAD_REQUEST, e.code(), frame);
        assertTrue(e.message().contains("'" + field + "'"), e.message());
    }
}
