package org.kindred.server.transport;

import org.kindred.server.common.TokenBucket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection. Safe to use from any thread: writes are handed to the channel's
 * event loop, which keeps them in order per calling thread. A connection whose outbound
 * buffer passes its high-water mark (the configured queue limit) is a slow consumer and is
 * disconnected rather than allowed to slow anyone else down. The transport holds every other
 * outbound frame (pongs, pings, close frames) to the same limit and reports overruns through
 * {@link #disconnectSlowConsumer()}, so a connection is counted as a slow consumer once.
 */
public final class Connection implements Outbound {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final AtomicLong IDS = new AtomicLong();
    /** How long a close frame may wait for a peer that does not read before the socket is closed anyway. */
    static final long CLOSE_WAIT_MS = 3000;
    private static final AttributeKey<Connection> OF_CHANNEL = AttributeKey.valueOf(Connection.class, "connection");

    private final long id = IDS.incrementAndGet();
    private final Channel channel;
    private final ProtocolCodec codec;
    private final Metrics metrics;
    private final String fingerprint;
    private final TokenBucket requests;
    private final TokenBucket strikes;
    /** The session this connection serves, opaque to the transport (see {@link #attachment()}). */
    private volatile Object attachment;
    private boolean helloPending;
    private volatile String helloRegion;
    private volatile String helloLocale;
    private volatile boolean helloSeen;
    private final java.util.concurrent.atomic.AtomicBoolean slow = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param fingerprint keyed hash of the peer's network address, or null
     */
    public Connection(Channel channel, ProtocolCodec codec, Metrics metrics, String fingerprint,
            Limits limits, long now) {
        this.channel = channel;
        this.codec = codec;
        this.metrics = metrics;
        this.fingerprint = fingerprint;
        this.requests = new TokenBucket(limits.requestBurst(), limits.requestsPerSecond());
        this.strikes = new TokenBucket(limits.maxProtocolErrors(), 1.0 / 3.0);
        channel.attr(OF_CHANNEL).set(this);
    }

    /** The connection made on {@code channel}, or null if it has none (yet). */
    public static Connection of(Channel channel) {
        return channel.attr(OF_CHANNEL).get();
    }

    /**
     * Per-connection limits, whatever the request type.
     * @param requestBurst requests a connection may make in a burst
     * @param requestsPerSecond sustained requests per second
     * @param maxProtocolErrors invalid frames tolerated (refilling one per 3 s) before close 1008
     */
    public record Limits(int requestBurst, double requestsPerSecond, int maxProtocolErrors) {
    }

    /** Keyed hash of the peer's address (never the address), or null. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Takes one request token and returns 0, or returns how many ms until the connection may send
     * again (it sends faster than any client should).
     */
    public long requestWait(long now) {
        return requests.tryTake(now);
    }

    /** Records one protocol error; false when the connection has used up its tolerance. */
    public boolean strike(long now) {
        return strikes.tryTake(now) == 0;
    }

    /** A number for log lines; says nothing about the person. */
    @Override
    public long id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    /** What the layer above keeps with this connection (its session), or null. Any thread. */
    public Object attachment() {
        return attachment;
    }

    /** Replaces {@link #attachment()}; null clears it. */
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    public java.util.concurrent.Executor writer() {
        return channel.eventLoop();
    }

    @Override
    public boolean onWriter() {
        return channel.eventLoop().inEventLoop();
    }

    /**
     * Remembers the region and locale of this connection's last valid {@code hello}, so a
     * {@code help} after a refused {@code hello} (e.g. {@code banned}) gets lines for that region
     * in that language. Either may be {@code null}.
     */
    public void helloHints(String region, String locale) {
        this.helloRegion = region;
        this.helloLocale = locale;
        this.helloSeen = true;
    }

    /** Whether this connection has sent a valid {@code hello} (admitted or refused). */
    public boolean helloSeen() {
        return helloSeen;
    }

    /** The region of the last valid {@code hello}, or {@code null}. */
    public String helloRegion() {
        return helloRegion;
    }

    /** The locale of the last valid {@code hello}, or {@code null}. */
    public String helloLocale() {
        return helloLocale;
    }

    /** A {@code hello} is being authenticated (event-loop confined). */
    public boolean helloPending() {
        return helloPending;
    }

    public void helloPending(boolean pending) {
        helloPending = pending;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    /**
     * Encodes and sends one message to this connection only. An {@code error}, and a {@code notice}
     * whose text is a sentence not yet in words, go out in the language of this connection's
     * {@code hello.locale} (see {@code ServerText#localize}).
     */
    @Override
    public void send(ServerMessage message) {
        if (!channel.isActive()) {
            return;
        }
        if (message instanceof ServerMessage.Error e) {
            metrics.error(e.code());
        }
        // errors and notices in the language of this connection's hello (English keeps its specific sentence)
        message = org.kindred.server.i18n.ServerText.get().localize(message, helloLocale);
        sendOwned(encode(codec, message, channel));
    }

    /**
     * Sends an event encoded once for many recipients as a complete WebSocket frame (see
     * {@link SharedFrame}); the caller keeps its own reference and releases it after the fan-out.
     */
    @Override
    public void sendShared(SharedFrame shared) {
        if (!channel.isActive()) {
            return;
        }
        if (!channel.isWritable() || slow.get()) {
            disconnectSlowConsumer();
            return;
        }
        metrics.frameOut();
        channel.writeAndFlush(shared.retainedDuplicate(), channel.voidPromise());
    }

    private void sendOwned(ByteBuf owned) {
        if (!channel.isWritable() || slow.get()) {
            owned.release();
            disconnectSlowConsumer();
            return;
        }
        metrics.frameOut();
        channel.writeAndFlush(new TextWebSocketFrame(owned), channel.voidPromise());
    }

    /**
     * Closes the connection because its outbound buffer passed the high-water mark; logs and counts
     * it once, however many writes found it full.
     */
    public void disconnectSlowConsumer() {
        if (!slow.getAndSet(true)) {
            LOG.info("slow consumer disconnected conn={}", id);
            metrics.slowConsumer();
            channel.close();
        }
    }

    /**
     * Sends a close frame with the code and reason, then closes the socket once it is written, or
     * after {@value #CLOSE_WAIT_MS} ms if the peer does not read it by then.
     */
    @Override
    public void close(int code, String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
            ScheduledFuture<?> force = channel.eventLoop().schedule(() -> {
                channel.close();
            }, CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
            channel.closeFuture().addListener(f -> force.cancel(false));
        }
    }

    /** Encodes a message into a new buffer from the channel's allocator (or the default one). */
    public static ByteBuf encode(ProtocolCodec codec, ServerMessage message, Channel channel) {
        ByteBuf buf = channel != null ? channel.alloc().buffer(256) : io.netty.buffer.Unpooled.buffer(256);
        try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
            codec.encode(message, out);
        } catch (java.io.IOException | RuntimeException e) {
            buf.release();
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
        return buf;
    }
}
