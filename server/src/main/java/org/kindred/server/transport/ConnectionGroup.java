package org.kindred.server.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every open WebSocket connection, so shutdown can say goodbye to each. */
public final class ConnectionGroup {
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    void add(Connection c) {
        open.add(c);
    }

    void remove(Connection c) {
        open.remove(c);
    }

    public Set<Connection> snapshot() {
        return Set.copyOf(open);
    }

    /**
     * Sends every open connection a close frame with {@code code} and {@code reason}, then waits
     * up to {@code graceMs} for them to be gone (returns early when they are, or when interrupted).
     */
    public void closeAll(int code, String reason, long graceMs) {
        for (Connection c : snapshot()) {
            c.close(code, reason);
        }
        long deadline = System.currentTimeMillis() + graceMs;
        while (size() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public int size() {
        return open.size();
    }

    /** Bytes written to the open connections but not yet handed to the kernel, summed (O(connections)). */
    public long pendingOutboundBytes() {
        long sum = 0;
        for (Connection c : open) {
            io.netty.channel.ChannelOutboundBuffer b = c.channel().unsafe().outboundBuffer();
            if (b != null) {
                sum += b.totalPendingWriteBytes();
            }
        }
        return sum;
    }
}
