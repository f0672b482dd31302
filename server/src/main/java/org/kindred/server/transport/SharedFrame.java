package org.kindred.server.transport;

import io.netty.buffer.ByteBuf;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;

/**
 * One event encoded once as a complete WebSocket text frame, to be written to many clients
 * ({@link Outbound#sendShared}). Reference counted: {@link #encode} gives the caller one
 * reference, {@link #retain} adds one for each thread that will still write it, and each
 * holder calls {@link #release} once when done.
 */
public final class SharedFrame {
    private final ByteBuf frame;

    private SharedFrame(ByteBuf frame) {
        this.frame = frame;
    }

    /**
     * Encodes {@code message} (see {@link Encoded#of}).
     *
     * @throws IllegalStateException when the message cannot be encoded
     */
    public static SharedFrame encode(ProtocolCodec codec, ServerMessage message) {
        return new SharedFrame(Encoded.of(codec, message));
    }

    /** Adds one reference; returns this frame. */
    public SharedFrame retain() {
        frame.retain();
        return this;
    }

    /** Drops one reference; the buffer is freed with the last one. */
    public void release() {
        frame.release();
    }

    /** The frame's bytes as a new view sharing the buffer (one more reference, owned by the caller). */
    ByteBuf retainedDuplicate() {
        return frame.retainedDuplicate();
    }

    /** The frame's buffer itself (tests decode it; the caller must not release it). */
    public ByteBuf bufferForTests() {
        return frame;
    }
}
