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
        assertNull(parse("{\"type\":\"message\",\"seq\":3,\"text\":\"x ref k12p"));
    }

    @Test
    void kindredSendIsASendRequest() {
        assertEquals("{\"type\":\"send\",\"room\":\"r2\",\"text\":\"hi\"}", Payload.kindredSend("r2", "hi"));
    }

    @Test
    void numbersInTheTextAreGluedToLetters() {
        // so moderation's contact stage never reads them as a phone number
        String t = Payload.text(1234567, 7654321, 987654321987L);
        assertEquals(Payload.SENTENCE + "k1234567p7654321t987654321987", t);
    }
}
