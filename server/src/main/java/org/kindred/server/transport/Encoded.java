package org.kindred.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;

/**
 * Encodes an event for many recipients once: the JSON and the WebSocket frame around it (a final
 * text frame; server frames are unmasked, so the bytes are the same for everyone). Recipients
 * write the same bytes; the WebSocket encoder passes raw buffers through untouched.
 */
public final class Encoded {
    private static final int HEADER_ROOM = 10;

    private Encoded() {
    }

    /** A complete WebSocket text frame holding the event's JSON. The caller releases it. */
    public static ByteBuf of(ProtocolCodec codec, ServerMessage message) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(256);
        buf.writerIndex(HEADER_ROOM);
        try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
            codec.encode(message, out);
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
        int length = buf.writerIndex() - HEADER_ROOM;
        int start;
        if (length < 126) {
            start = HEADER_ROOM - 2;
            buf.setByte(start + 1, length);
        } else if (length <= 0xFFFF) {
            start = HEADER_ROOM - 4;
            buf.setByte(start + 1, 126);
            buf.setShort(start + 2, length);
        } else {
            start = HEADER_ROOM - 10;
            buf.setByte(start + 1, 127);
            buf.setLong(start + 2, length);
        }
        buf.setByte(start, 0x81); // FIN + text
        buf.readerIndex(start);
        return buf;
    }
}
