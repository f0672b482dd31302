package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.testing.Harness;

class EncodedTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 60, 125, 126, 5000, 65_535, 70_000})
    void framesEveryPayloadLengthCorrectly(int textLength) {
        ServerMessage.Notice n = new ServerMessage.Notice("r", "c", "x".repeat(textLength));
        ByteBuf frame = Encoded.of(ProtocolCodec.shared(), n);
        try {
            String json = new String(ProtocolCodec.shared().encode(n), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(json, Harness.payloadOf(frame));
        } finally {
            frame.release();
        }
    }

    @Test
    void multibyteTextIsCountedInBytes() {
        ServerMessage.Notice n = new ServerMessage.Notice("r", "c", "café ☕ 😊".repeat(30));
        ByteBuf frame = Encoded.of(ProtocolCodec.shared(), n);
        try {
            assertEquals(new String(ProtocolCodec.shared().encode(n), java.nio.charset.StandardCharsets.UTF_8),
                    Harness.payloadOf(frame));
        } finally {
            frame.release();
        }
    }
}
