package org.kindred.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.metrics.Metrics;

/**
 * The server's whole pipeline ({@link ServerInitializer#build}) on an in-memory channel, fed raw
 * bytes as a client would send them. Every buffer the pipeline allocates comes from a tracking
 * allocator, so a test can check that nothing was left unreleased.
 */
final class Wire {
    /** Records every buffer it hands out. */
    static final class TrackingAllocator extends AbstractByteBufAllocator {
        final List<ByteBuf> handedOut = new ArrayList<>();

        TrackingAllocator() {
            super(false);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            ByteBuf b = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
            handedOut.add(b);
            return b;
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            ByteBuf b = new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity);
            handedOut.add(b);
            return b;
        }

        @Override
        public CompositeByteBuf compositeHeapBuffer(int maxNumComponents) {
            CompositeByteBuf b = super.compositeHeapBuffer(maxNumComponents);
            handedOut.add(b);
            return b;
        }

        @Override
        public CompositeByteBuf compositeDirectBuffer(int maxNumComponents) {
            CompositeByteBuf b = super.compositeDirectBuffer(maxNumComponents);
            handedOut.add(b);
            return b;
        }

        /** Buffers still referenced by someone. */
        List<ByteBuf> unreleased() {
            return handedOut.stream().filter(b -> b.refCnt() > 0).toList();
        }
    }

    /** An in-memory channel whose peer has an IP address. */
    static final class IpChannel extends EmbeddedChannel {
        private SocketAddress remote;

        IpChannel() {
            super(false, false);
        }

        /** Sets the peer's address; call before {@link #register()}. */
        void remote(SocketAddress address) {
            remote = address;
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return remote;
        }
    }

    final TrackingAllocator alloc = new TrackingAllocator();
    final Metrics metrics = new Metrics();
    final EmbeddedChannel ch;

    /** A channel from {@code peer} (null: no IP address) with the given limits. */
    Wire(String peer, AddressLimiter limiter, HttpLimits http, Map<String, HttpEndpoint> endpoints,
            Supplier<? extends ChannelHandler> frames) throws Exception {
        this(peer, limiter, http, endpoints, frames, ConfigLoader.defaults());
    }

    Wire(String peer, AddressLimiter limiter, HttpLimits http, Map<String, HttpEndpoint> endpoints,
            Supplier<? extends ChannelHandler> frames, KindredConfig cfg) throws Exception {
        IpChannel c = new IpChannel();
        c.remote(peer == null ? null : new InetSocketAddress(peer, 40000));
        c.config().setAllocator(alloc);
        c.config().setWriteBufferWaterMark(new WriteBufferWaterMark(cfg.outboundQueueBytes() / 2,
                cfg.outboundQueueBytes()));
        new ServerInitializer(cfg, http, metrics, new ConnectionAdmission(limiter, a -> "fp:" + a.getHostAddress()),
                new HttpRouter(endpoints), new org.kindred.server.transport.OriginGuard(List.of()), frames)
                .build(c.pipeline());
        c.register();
        this.ch = c;
    }

    /** Sends bytes (ISO-8859-1 text) as the client, in a buffer from the tracking allocator. */
    Wire send(String raw) {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    Wire send(byte[] raw) {
        ByteBuf b = alloc.heapBuffer(raw.length);
        b.writeBytes(raw);
        ch.writeInbound(b);
        return this;
    }

    /** Everything the server has written so far, as text; the buffers are released. */
    String received() {
        StringBuilder out = new StringBuilder();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            if (o instanceof ByteBuf b) {
                out.append(b.toString(StandardCharsets.ISO_8859_1));
                b.release();
            } else {
                io.netty.util.ReferenceCountUtil.release(o);
                throw new AssertionError("not bytes on the wire: " + o.getClass());
            }
        }
        return out.toString();
    }

    /** Lets the in-memory clock move on and runs what became due. */
    Wire advance(long ms) {
        ch.advanceTimeBy(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
        ch.runPendingTasks();
        ch.runScheduledPendingTasks();
        return this;
    }

    /** Closes the channel and releases what is left in it. */
    void finish() {
        ch.finishAndReleaseAll();
    }
}
