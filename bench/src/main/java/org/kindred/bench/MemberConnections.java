package org.kindred.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The run's members and their WebSocket connections, on one epoll event-loop group of
 * {@code --threads} threads (0: Netty's default). {@link #connect()} opens them all;
 * {@link #close()} closes whatever was opened, also after a failed connect.
 */
final class MemberConnections implements AutoCloseable {
    private static final int MAX_FRAME = 8 << 20;

    private final RunSetup run;
    private final EventLoopGroup group;
    private final List<Member> members = new ArrayList<>();

    /** Starts the event-loop group; nothing connects before {@link #connect()}. */
    MemberConnections(RunSetup run) {
        this.run = run;
        this.group = new MultiThreadIoEventLoopGroup(run.options().integer("threads", 0), EpollIoHandler.newFactory());
    }

    /**
     * Opens {@link RunSetup#members()} members, member i in room i / room size, from local
     * address 127.0.0.(1 + i mod {@code --sources}) to node i mod N, at most
     * {@code --connect-concurrency} (default 200) handshakes at a time, and returns once each is
     * ready (handshaken and, speaking Kindred, joined).
     *
     * @throws IOException when the connections are not all made within {@code --connect-timeout}
     *         seconds (default 60 + members / 200)
     * @throws java.util.concurrent.ExecutionException when a member's connection or handshake fails
     * @throws java.util.concurrent.TimeoutException when a member is not ready by that deadline
     */
    void connect() throws Exception {
        Options o = run.options();
        int sources = o.integer("sources", 16);
        Semaphore inFlight = new Semaphore(o.integer("connect-concurrency", 200));
        Bootstrap b = new Bootstrap().group(group).channel(EpollSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        int n = run.members();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.integer("connect-timeout", 60 + n / 200));
        for (int i = 0; i < n; i++) {
            int room = i / run.roomSize();
            Member m = new Member(i, room, run.ledger().receiver(room, room * run.roomSize()));
            members.add(m);
            URI base = run.side().urlFor(i);
            URI uri = run.kindred() ? base : URI.create(base.toString() + "/" + Member.roomName(room));
            WebSocketClientProtocolConfig cfg = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                    .maxFramePayloadLength(MAX_FRAME).generateOriginHeader(false).handleCloseFrames(true)
                    .handshakeTimeoutMillis(30_000).build();
            if (!inFlight.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IOException("connecting timed out after " + i + " members");
            }
            m.ready.whenComplete((v, e) -> inFlight.release());
            InetSocketAddress local = new InetSocketAddress("127.0.0." + (1 + i % sources), 0);
            Channel ch = b.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel c) {
                    c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                            new WebSocketClientProtocolHandler(cfg), new WebSocketFrameAggregator(MAX_FRAME),
                            new MemberHandler(m, run.kindred(), run.latency(), run.state()));
                }
            }).connect(new InetSocketAddress(uri.getHost(), uri.getPort()), local)
                    .addListener(f -> {
                        if (!f.isSuccess()) {
                            m.ready.completeExceptionally(f.cause());
                        }
                    }).channel();
            m.channel = ch;
        }
        for (Member m : members) {
            long left = deadline - System.nanoTime();
            m.ready.get(Math.max(1, left), TimeUnit.NANOSECONDS);
        }
    }

    /** The members opened so far, in index order; read-only. */
    List<Member> members() {
        return Collections.unmodifiableList(members);
    }

    /**
     * Marks the run as closing (so the closes are not counted as disconnects), closes every
     * member's connection and stops the event loops, waiting up to 30 s.
     */
    @Override
    public void close() throws InterruptedException {
        run.state().closing = true;
        for (Member m : members) {
            Channel c = m.channel;
            if (c != null) {
                c.close();
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
    }
}
