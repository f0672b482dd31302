package org.kindred.server.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.kindred.protocol.CloseCodes;

/**
 * Reacts to the reader-idle events of an {@code IdleStateHandler} placed at the head of the
 * pipeline (so any bytes, pongs included, count as an answer): after each quiet ping interval it
 * pings; once the connection has answered nothing for the idle timeout it is closed with 1000.
 * Connections that never became WebSockets are closed at the first quiet interval.
 */
public final class KeepAliveHandler extends ChannelDuplexHandler {
    private final int pingsBeforeClose;
    private int unanswered;
    private boolean websocket;

    public KeepAliveHandler(int pingIntervalSeconds, int idleTimeoutSeconds) {
        this.pingsBeforeClose = Math.max(1, idleTimeoutSeconds / pingIntervalSeconds);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE) {
            unanswered = e.isFirst() ? 1 : unanswered + 1;
            if (!websocket) {
                ctx.close();
            } else if (unanswered >= pingsBeforeClose) {
                Connection c = Connection.of(ctx.channel());
                if (c != null) {
                    c.close(CloseCodes.NORMAL, "Idle timeout");
                } else {
                    ctx.close();
                }
            } else {
                ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.EMPTY_BUFFER));
            }
            return;
        }
        if (evt instanceof io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete) {
            websocket = true;
        }
        super.userEventTriggered(ctx, evt);
    }
}
