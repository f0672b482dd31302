package org.kindred.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The check-in requests of 1.1: what is accepted, and the sentence for what is not. */
class CheckInRequestTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();

    private ServerMessage.Error error(String frame) {
        Decoded d = codec.decodeClient(frame);
        assertFalse(d.isOk(), frame);
        assertEquals(ErrorCode.BAD_REQUEST, d.error().code(), frame);
        assertEquals("c", d.error().id(), "the id is echoed: " + frame);
        return d.error();
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 30, 60, 180, 1440})
    void minutesFrom15To1440AreAccepted(int minutes) {
        Decoded d = codec.decodeClient("{\"type\":\"checkin\",\"id\":\"c\",\"minutes\":" + minutes + "}");
        assertTrue(d.isOk(), () -> d.error().message());
        assertEquals(minutes, ((CheckInRequest.Plan) d.message()).minutes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"14", "0", "-30", "1441", "100000"})
    void minutesOutOfRangeSayTheRange(String minutes) {
        assertEquals("The field 'minutes' must be a whole number from 15 to 1440.",
                error("{\"type\":\"checkin\",\"id\":\"c\",\"minutes\":" + minutes + "}").message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"30\"", "30.5", "true", "null", "[30]", "99999999999999999999"})
    void minutesOfTheWrongShapeAreRefused(String minutes) {
        assertFalse(error("{\"type\":\"checkin\",\"id\":\"c\",\"minutes\":" + minutes + "}").message().isBlank());
    }

    @Test
    void minutesAreRequired() {
        assertEquals("The field 'minutes' is required.", error("{\"type\":\"checkin\",\"id\":\"c\"}").message());
    }

    @Test
    void answersAreBetterSameOrWorse() {
        for (String a : new String[] {"better", "same", "worse"}) {
            Decoded d = codec.decodeClient("{\"type\":\"checkin.answer\",\"id\":\"c\",\"checkin\":\"k_1\",\"answer\":\""
                    + a + "\"}");
            assertTrue(d.isOk(), a);
            assertEquals(a, ((CheckInRequest.Answer) d.message()).choice().wire());
        }
        assertEquals("The field 'answer' must be one of better, same or worse.", error(
                "{\"type\":\"checkin.answer\",\"id\":\"c\",\"checkin\":\"k_1\",\"answer\":\"Better\"}").message());
        assertEquals("The field 'answer' is required.",
                error("{\"type\":\"checkin.answer\",\"id\":\"c\",\"checkin\":\"k_1\"}").message());
        error("{\"type\":\"checkin.answer\",\"id\":\"c\",\"checkin\":\"k_1\",\"answer\":3}");
    }

    @Test
    void theCheckInIdMustBeAnIdentifier() {
        assertTrue(error("{\"type\":\"checkin.cancel\",\"id\":\"c\",\"checkin\":\"<b>\"}").message()
                .startsWith("The field 'checkin' must be an identifier"));
        assertEquals("The field 'checkin' is required.",
                error("{\"type\":\"checkin.answer\",\"id\":\"c\",\"answer\":\"same\"}").message());
    }

    @Test
    void theEventAndTheReplyLookAsTheProtocolSays() {
        assertEquals("{\"type\":\"checkin\",\"checkin\":\"k_1\",\"text\":\"How are you?\"}",
                new String(codec.encode(new ServerMessage.CheckIn("k_1", "How are you?")),
                        java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("{\"type\":\"ok\",\"id\":\"c\",\"checkin\":\"k_1\"}",
                new String(codec.encode(ServerMessage.Ok.checkin("c", "k_1")), java.nio.charset.StandardCharsets.UTF_8));
    }
}
