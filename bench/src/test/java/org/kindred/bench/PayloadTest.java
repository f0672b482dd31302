package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {
    private static Payload.Delivery parse(String frame) {
        byte[] b = frame.getBytes(StandardCharsets.UTF_8);
        return Payload.parse(b, b.length);
    }

    @Test
    void parsesAKindredMessageEvent() {
        String text = Payload.text(42, 7, 123456789012345L);
        String frame = "{\"type\":\"message\",\"room\":\"r1\",\"msg\":\"m_x\",\"seq\":991,\"from\":{\"id\":\"u_1\","
                + "\"nick\":\"Quiet Heron\",\"role\":\"member\"},\"text\":\"" + text + "\",\"ts\":1}";
        assertEquals(new Payload.Delivery(991, 42, 7, 123456789012345L), parse(frame));
    }

    @Test
    void parsesTheRawFrameItBuilds() {
        String frame = Payload.rawMessage("r3", 5, 12, Payload.text(5, 12, 99));
        assertEquals(new Payload.Delivery(12, 5, 12, 99), parse(frame));
    }

    @Test
    void ignoresTheSentReplyThatEchoesTheText() {
        String frame = "{\"type\":\"sent\",\"room\":\"r1\",\"msg\":\"m_x\",\"status\":\"delivered\",\"text\":\""
                + Payload.text(1, 2, 3) + "\"}";
        assertNull(parse(frame));
    }

    @Test
    void ignoresMessagesWithoutAReference() {
        assertNull(parse("{\"type\":\"message\",\"room\":\"r1\",\"seq\":3,\"text\":\"hello\"}"));
    }

    @Test
    void ignoresATruncatedReference() {
        assertNull(parse("{\"type\":\"message\",\"seq\":3,\"text\":\"x ref 12,"));
        assertNull(parse("{\"type\":\"message\",\"seq\":3,\"text\":\"x ref 000012,000003,000045:67\"}"));
        assertNull(parse("{\"type\":\"message\",\"seq\":3,\"text\":\"x ref 000012,000003,000048\"}"));
    }

    @Test
    void kindredSendIsASendRequest() {
        assertEquals("{\"type\":\"send\",\"room\":\"r2\",\"text\":\"hi\"}", Payload.kindredSend("r2", "hi"));
    }

    @Test
    void numbersAreLetterFreeGroupsOfAtMostSixDigits() {
        // no letters: leetspeak folding cannot make words; <= 6 digits: never a phone number
        // octal, six digits a group: no 8 or 9, so never the lexicon's "1488"
        assertEquals(Payload.SENTENCE + "000004:553207,000007,000001:000000:000005",
                Payload.text(4 * (1 << 18) + 0553207, 7, (1L << 36) + 5));
        assertEquals(Payload.SENTENCE + "002720,000001,000000", Payload.text(1488, 1, 0));
    }

    @Test
    void groupedNumbersRoundTrip() {
        for (long v : new long[] {0, 5, 999_999, 1_000_000, 1_000_001, 123_000_456_789L, Long.MAX_VALUE / 10}) {
            String frame = "{\"type\":\"message\",\"seq\":1,\"text\":\"" + Payload.text(3, 4, v) + "\"}";
            assertEquals(new Payload.Delivery(1, 3, 4, v), parse(frame), Long.toString(v));
        }
    }

    @Test
    void readsTheErrorCode() {
        byte[] b = "{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("rate_limited", Payload.field(b, b.length, "code"));
        assertNull(Payload.field(b, b.length, "room"));
    }
}
