package org.kindred.server.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;

/**
 * The server's listening socket: its one port (HTTP and {@code /ws}) bound on the
 * {@link EventLoops}, every accepted connection set up by a {@link ServerInitializer}.
 */
public final class Listener {
    private final Channel channel;

    private Listener(Channel channel) {
        this.channel = channel;
    }

    /**
     * Binds {@code host:port} and returns once it accepts connections (backlog 1024, TCP_NODELAY
     * on every connection).
     *
     * @param host the address to listen on ({@code 0.0.0.0}: every interface)
     * @param port the port; 0 for any free one ({@link #port()} tells which)
     * @param outboundQueueBytes bytes a connection may have queued for sending before it turns
     *        unwritable; it turns writable again below half of that
     * @throws InterruptedException when interrupted while binding; a failed bind (the port is
     *         taken …) is thrown as Netty reports it, e.g. {@link java.net.BindException}
     */
    public static Listener bind(EventLoops loops, String host, int port, int outboundQueueBytes, ServerInitializer init)
            throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(loops.boss(), loops.workers())
                .channel(loops.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(outboundQueueBytes / 2, outboundQueueBytes))
                .childHandler(init);
        return new Listener(b.bind(host, port).sync().channel());
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting connections (those accepted stay open); returns once the socket is closed. */
    public void close() {
        channel.close().syncUninterruptibly();
    }

    /** Blocks until the socket closes. */
    public void awaitClose() throws InterruptedException {
        channel.closeFuture().sync();
    }
}
