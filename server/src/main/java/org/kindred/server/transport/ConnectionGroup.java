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
