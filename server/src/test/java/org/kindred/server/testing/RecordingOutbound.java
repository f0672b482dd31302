package org.kindred.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.transport.Outbound;
import org.kindred.server.transport.SharedFrame;

/**
 * An {@link Outbound} that keeps what is sent to it (decoded as JSON) and whether it was closed,
 * safe to write from any thread and read from the test's: for tests where events come from
 * timer or store threads (an {@code EmbeddedChannel} is for one thread only).
 */
public final class RecordingOutbound implements Outbound {
    private static final AtomicLong IDS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final long id = IDS.incrementAndGet();
    private final List<JsonNode> received = new ArrayList<>();
    private volatile Integer closeCode;

    @Override
    public long id() {
        return id;
    }

    @Override
    public boolean isOpen() {
        return closeCode == null;
    }

    @Override
    public void send(ServerMessage message) {
        SharedFrame f = SharedFrame.encode(ProtocolCodec.shared(), message);
        try {
            sendShared(f);
        } finally {
            f.release();
        }
    }

    @Override
    public void sendShared(SharedFrame frame) {
        var buf = frame.bufferForTests();
        String text = Harness.payloadOf(buf.duplicate());
        try {
            JsonNode n = JSON.readTree(text);
            synchronized (received) {
                received.add(n);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
    }

    /** The close code, or null while open. */
    public Integer closeCode() {
        return closeCode;
    }

    @Override
    public Executor writer() {
        return Runnable::run;
    }

    @Override
    public boolean onWriter() {
        return true;
    }

    /** Everything received so far, oldest first (a copy). */
    public List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
