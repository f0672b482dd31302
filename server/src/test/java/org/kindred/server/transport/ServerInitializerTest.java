package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.metrics.Metrics;

class ServerInitializerTest {

    static ServerInitializer initializer(KindredConfig cfg) {
        return new ServerInitializer(cfg, HttpLimits.defaults(), new Metrics(),
                new ConnectionAdmission(new AddressLimiter(4), a -> "fp"), new HttpRouter(Map.of()),
                new OriginGuard(List.of()), ChannelInboundHandlerAdapter::new);
    }

    @Test
    void buildsThePipelineInOrderWithNamedHandlers() {
        KindredConfig cfg = ConfigLoader.defaults();
        ServerInitializer init = initializer(cfg);
        EmbeddedChannel ch = new EmbeddedChannel();
        init.build(ch.pipeline());
        List<String> expected = List.of(ServerInitializer.IDLE, ServerInitializer.ADMISSION, ServerInitializer.FLUSH,
                ServerInitializer.HTTP_CODEC, ServerInitializer.SECURITY_HEADERS, ServerInitializer.WRITE_LIMIT,
                ServerInitializer.HTTP_AGGREGATOR, ServerInitializer.REQUEST_DEADLINE, ServerInitializer.HTTP_ROUTER,
                ServerInitializer.ORIGIN_GUARD, ServerInitializer.WS_PROTOCOL, ServerInitializer.HTTP_RETIREMENT,
                ServerInitializer.WS_AGGREGATOR, ServerInitializer.KEEP_ALIVE, ServerInitializer.WS_FRAMES);
        List<String> names = ch.pipeline().names().stream().filter(expected::contains).collect(Collectors.toList());
        assertEquals(expected, names);
        assertEquals(cfg.maxFrameBytes(),
                ServerInitializer.protocolConfig(cfg).decoderConfig().maxFramePayloadLength());
        ch.finishAndReleaseAll();
    }

    @Test
    void retiresTheHttpHandlersOnceTheConnectionIsAWebSocket() {
        KindredConfig cfg = ConfigLoader.defaults();
        ServerInitializer init = initializer(cfg);
        EmbeddedChannel ch = new EmbeddedChannel();
        init.build(ch.pipeline());
        List<Object> seen = new java.util.ArrayList<>();
        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(io.netty.channel.ChannelHandlerContext ctx, Object evt) {
                seen.add(evt);
            }
        });
        Object done = new io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete(
                "/ws", new io.netty.handler.codec.http.DefaultHttpHeaders(), null);
        ch.pipeline().fireUserEventTriggered(done);
        List<String> names = ch.pipeline().names();
        for (String gone : List.of(ServerInitializer.HTTP_ROUTER, ServerInitializer.ORIGIN_GUARD,
                ServerInitializer.REQUEST_DEADLINE, ServerInitializer.SECURITY_HEADERS,
                ServerInitializer.HTTP_RETIREMENT)) {
            assertEquals(false, names.contains(gone), gone + " still in " + names);
        }
        assertEquals(true, names.contains(ServerInitializer.WS_FRAMES));
        assertEquals(List.of(done), seen, "the event still reaches the handlers after it");
        ch.finishAndReleaseAll();
    }
}
