package org.kindred.server.room;

import org.kindred.server.dispatch.RoomReplies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.protocol.SendStatus;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.transport.Connection;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;

/** Broadcasts across event loops: every member gets every message, in room order, after its own reply. */
class FanoutTest {
    private static final int MEMBERS = 12;
    private static final int MESSAGES = 60;
    private final ProtocolCodec codec = ProtocolCodec.shared();
    private final Metrics metrics = new Metrics();
    private final ObjectMapper json = new ObjectMapper();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(3, LocalIoHandler.newFactory());

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void membersOnOtherEventLoopsGetEveryMessageInOrder() throws Exception {
        Room room = new Room(new RoomConfig("calm", "Calm", "t", "Be kind.", 100), group.next(), codec, metrics,
                new NickRules(n -> true), 3, 60_000, System::currentTimeMillis);
        BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
        LocalAddress address = new LocalAddress("fanout-" + System.nanoTime());
        new ServerBootstrap().group(group).channel(LocalServerChannel.class).childHandler(
                new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        accepted.add(ch);
                    }
                }).bind(address).sync();

        List<List<JsonNode>> received = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        boolean otherLoop = false;
        for (int i = 0; i < MEMBERS; i++) {
            List<JsonNode> inbox = new CopyOnWriteArrayList<>();
            received.add(inbox);
            // shared broadcasts arrive as raw frame bytes (possibly coalesced); replies as frame objects
            new Bootstrap().group(group).channel(LocalChannel.class).handler(new io.netty.channel.ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder(
                            false, false, 1 << 16), inboxHandler(inbox));
                }
            }).connect(address).sync();
            Channel server = accepted.poll(5, TimeUnit.SECONDS);
            otherLoop |= server.eventLoop() != room.executorForTests();
            Connection c = new Connection(server, codec, metrics, null, new Connection.Limits(60, 20, 5), 0);
            Session s = new Session("u_" + i, "h", Role.MEMBER, null, null, null, null, 0, 10, c);
            c.attach(s);
            sessions.add(s);
            connections.add(c);
            RoomReplies.join(room, s, "Member " + i, c, "j" + i);
        }
        assertTrue(otherLoop, "some members live on another event loop than the room");

        for (int k = 0; k < MESSAGES; k++) {
            int from = k % MEMBERS;
            RoomReplies.post(room, sessions.get(from), connections.get(from), "p" + k, "hello " + k, SendStatus.DELIVERED, java.util.List.of());
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && received.stream().anyMatch(l -> messages(l).size() < MESSAGES)) {
            Thread.sleep(10);
        }
        for (int i = 0; i < MEMBERS; i++) {
            List<JsonNode> msgs = messages(received.get(i));
            assertEquals(MESSAGES, msgs.size(), "member " + i + " got every message");
            for (int k = 0; k < MESSAGES; k++) {
                assertEquals("hello " + k, msgs.get(k).path("text").asText(), "in room order");
                assertEquals(k + 1, msgs.get(k).path("seq").asLong());
            }
            // each of its own messages: the "sent" reply comes before the message itself
            List<String> order = new ArrayList<>();
            for (JsonNode n : received.get(i)) {
                String type = n.path("type").asText();
                if (type.equals("sent") || type.equals("message") && n.path("from").path("id").asText()
                        .equals("u_" + i)) {
                    order.add(type + ":" + n.path("msg").asText());
                }
            }
            for (int j = 0; j < order.size(); j += 2) {
                assertTrue(order.get(j).startsWith("sent:"), order.toString());
                assertEquals(order.get(j).substring(5), order.get(j + 1).substring(8), order.toString());
            }
        }
    }

    private ChannelInboundHandlerAdapter inboxHandler(List<JsonNode> inbox) {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                try {
                    inbox.add(json.readTree(((TextWebSocketFrame) msg).text()));
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }
        };
    }

    private static List<JsonNode> messages(List<JsonNode> inbox) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : inbox) {
            if (n.path("type").asText().equals("message")) {
                out.add(n);
            }
        }
        return out;
    }
}
