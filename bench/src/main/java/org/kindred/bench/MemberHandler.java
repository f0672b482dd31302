package org.kindred.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Recorder;

/**
 * The client end of one member. Kindred mode: {@code hello} → {@code welcome} → {@code join} →
 * {@code joined}, then ready. Raw mode: ready once the handshake completes. Afterwards every
 * {@code message} frame is parsed, checked by the ledger and, inside the measured window, its
 * latency recorded from the intended send time.
 */
final class MemberHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);
    private static final String HELLO = "{\"type\":\"hello\",\"v\":1}";

    private final Member member;
    private final boolean kindred;
    private final Recorder latency;
    private final RunState state;
    private boolean ready;

    MemberHandler(Member member, boolean kindred, Recorder latency, RunState state) {
        this.member = member;
        this.kindred = kindred;
        this.latency = latency;
        this.state = state;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            if (kindred) {
                ctx.writeAndFlush(new TextWebSocketFrame(HELLO));
            } else {
                markReady();
            }
        } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            member.ready.completeExceptionally(new IllegalStateException("handshake timeout"));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame)) {
            return;
        }
        ByteBuf content = frame.content();
        int len = content.readableBytes();
        byte[] b = SCRATCH.get();
        if (b.length < len) {
            b = new byte[Math.max(len, b.length * 2)];
            SCRATCH.set(b);
        }
        content.getBytes(content.readerIndex(), b, 0, len);
        if (ready) {
            Payload.Delivery d = Payload.parse(b, len);
            if (d != null) {
                member.receiver.onDelivery(kindred ? d.seq() : -1, d.publisher(), d.pseq());
                if (state.inWindow(d.sendNanos())) {
                    latency.recordValue(Math.max(0, System.nanoTime() - d.sendNanos()));
                }
            } else if (Payload.startsWith(b, len, ERROR)) {
                state.error(Payload.field(b, len, "code"));
            } else if (Payload.startsWith(b, len, CRISIS)) {
                state.crisisCards.increment();
            }
            return;
        }
        if (Payload.startsWith(b, len, WELCOME)) {
            ctx.writeAndFlush(new TextWebSocketFrame(
                    "{\"type\":\"join\",\"room\":\"" + Member.roomName(member.room) + "\"}"));
        } else if (Payload.startsWith(b, len, JOINED)) {
            markReady();
        } else if (Payload.startsWith(b, len, ERROR)) {
            member.ready.completeExceptionally(new IllegalStateException(
                    "refused: " + new String(b, 0, Math.min(len, 200), StandardCharsets.UTF_8)));
        }
    }

    private void markReady() {
        ready = true;
        member.ready.complete(null);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!state.closing) {
            state.disconnects.increment();
        }
        member.ready.completeExceptionally(new IllegalStateException("closed before ready"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        member.ready.completeExceptionally(cause);
        ctx.close();
    }

    private static final byte[] WELCOME = "{\"type\":\"welcome\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JOINED = "{\"type\":\"joined\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRISIS = "{\"type\":\"crisis\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "{\"type\":\"error\"".getBytes(StandardCharsets.US_ASCII);
}
