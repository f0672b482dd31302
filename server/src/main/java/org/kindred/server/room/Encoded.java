package org.kindred.server.room;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;

/** Encodes a room event once into a pooled buffer that every recipient shares. */
public final class Encoded {
    private Encoded() {
    }

    public static ByteBuf of(ProtocolCodec codec, ServerMessage message) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(256);
        try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
            codec.encode(message, out);
            return buf;
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }
}
