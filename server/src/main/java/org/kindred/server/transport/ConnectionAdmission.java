package org.kindred.server.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Function;
import org.kindred.server.transport.AddressLimiter.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every connection: counts it against its network's share in an
 * {@link AddressLimiter} as soon as the socket is accepted, whatever it will turn out to be (plain
 * HTTP or WebSocket). A refused connection is marked ({@link #refused(Channel)}): the router answers
 * its plain HTTP request with 429 and the WebSocket handler closes it with 4029 after the handshake.
 * A dropped one is closed at once. The count ends when the socket closes.
 *
 * <p>Shared by all connections; per-connection state lives in channel attributes. Connections
 * without an IP peer address (in-memory test channels) are neither counted nor refused.
 */
@ChannelHandler.Sharable
public final class ConnectionAdmission extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAdmission.class);
    private static final AttributeKey<String> FINGERPRINT = AttributeKey.valueOf(ConnectionAdmission.class, "fp");
    private static final AttributeKey<Verdict> VERDICT = AttributeKey.valueOf(ConnectionAdmission.class, "verdict");

    private final AddressLimiter limiter;
    private final Function<InetAddress, String> fingerprinter;

    /**
     * @param limiter the per-network counts, shared by every connection
     * @param fingerprinter turns a peer address into its network fingerprint (never the address itself)
     */
    public ConnectionAdmission(AddressLimiter limiter, Function<InetAddress, String> fingerprinter) {
        this.limiter = limiter;
        this.fingerprinter = fingerprinter;
    }

    /** True when the connection is over its network's limit and is to be told so and closed. */
    public static boolean refused(Channel channel) {
        return channel.attr(VERDICT).get() == Verdict.REFUSED;
    }

    /** The connection's network fingerprint, or null when it has none (not an IP connection). */
    public static String fingerprint(Channel channel) {
        return channel.attr(FINGERPRINT).get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress isa && isa.getAddress() != null) {
            String fp = fingerprinter.apply(isa.getAddress());
            Verdict v = limiter.admit(fp);
            if (v == Verdict.DROPPED) {
                LOG.debug("connection dropped: far too many from one network");
                ctx.close();
                return;
            }
            ctx.channel().attr(FINGERPRINT).set(fp);
            ctx.channel().attr(VERDICT).set(v);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Verdict v = ctx.channel().attr(VERDICT).getAndSet(null);
        if (v != null) {
            limiter.release(ctx.channel().attr(FINGERPRINT).get(), v);
        }
        ctx.fireChannelInactive();
    }
}
