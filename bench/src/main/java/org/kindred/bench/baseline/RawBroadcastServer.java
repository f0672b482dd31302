package org.kindred.bench.baseline;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling: a bare Netty WebSocket server that broadcasts every text frame to every connection
 * on the same path (the path is the room). Same transport choices as Kindred (epoll, default
 * event-loop count, TCP_NODELAY, flush consolidation, 1 MiB high-water mark, one shared buffer
 * per broadcast) and nothing else: no JSON, no sessions, no moderation.
 *
 * <p>{@code java -cp kindred-bench.jar org.kindred.bench.baseline.RawBroadcastServer PORT}
 */
public final class RawBroadcastServer {
    private final Map<String, Set<Channel>> rooms = new ConcurrentHashMap<>();

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
        new RawBroadcastServer().run(port);
    }

    void run(int port) throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, EpollIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 19, 1 << 20))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FlushConsolidationHandler(64, true), new HttpServerCodec(),
                                new HttpObjectAggregator(1 << 16),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/").checkStartsWith(true).build()),
                                new Broadcaster());
                    }
                });
        Channel server = b.bind("127.0.0.1", port).sync().channel();
        System.out.println("raw netty broadcast listening on " + port);
        server.closeFuture().sync();
    }

    /** Joins the room on handshake, broadcasts text frames, leaves on close. */
    private final class Broadcaster extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private Set<Channel> room;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hc) {
                room = rooms.computeIfAbsent(hc.requestUri(), k -> ConcurrentHashMap.newKeySet());
                room.add(ctx.channel());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            if (room == null) {
                return;
            }
            for (Channel c : room) {
                if (c.isWritable()) {
                    c.writeAndFlush(frame.retainedDuplicate(), c.voidPromise());
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (room != null) {
                room.remove(ctx.channel());
            }
            super.channelInactive(ctx);
        }
    }
}
