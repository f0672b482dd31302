package org.kindred.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.CrisisSetup;
import org.kindred.server.RequestLayer;
import org.kindred.server.StaffServices;
import org.kindred.server.StoreServices;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.dispatch.Dispatcher;
import org.kindred.server.crisis.CrisisConfig;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.session.SessionRegistry;

/**
 * The server's services wired without sockets: rooms run their work inline. Its store lives in a
 * temporary directory of its own, which {@link #close()} deletes.
 */
public final class Harness implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public final KindredConfig config = ConfigLoader.defaults();
    public final ProtocolCodec codec = ProtocolCodec.shared();
    public final Metrics metrics = new Metrics();
    public final List<String> expired = new ArrayList<>();
    public final RoomRegistry rooms = new RoomRegistry(config.rooms(), rc -> new Room(rc, Runnable::run, codec,
            metrics, new NickRules(n -> true), 50, 3_600_000, System::currentTimeMillis));
    public final SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(2), 50,
            s -> expired.add(s.memberId()));
    public final StoreServices durable;
    public final StaffServices staff;
    public final Dispatcher dispatcher;
    private final java.nio.file.Path dataDir;

    /** Without check-ins: every {@code checkin*} request is refused. */
    public Harness() {
        try {
            dataDir = TempPaths.directory("kindred-harness");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        KindredConfig withDir = config.toBuilder().dataDir(dataDir).build();
        StoreServices opened = null;
        try {
            opened = StoreServices.open(withDir, EMPTY);
            durable = opened;
            staff = StaffServices.start(durable.store(), durable.blocking(), durable.jobs(),
                    org.kindred.server.paging.PagingConfig.from(EMPTY), CRISIS.reannounceInterval(), codec, rooms,
                    sessions, System::currentTimeMillis);
            CrisisSupport crisis = CrisisSetup.support(withDir.dataDir(), staff.escalations(), durable.blocking());
            dispatcher = RequestLayer.dispatcher(config, codec, sessions, rooms, durable, staff, crisis, CRISIS,
                    org.kindred.server.ModerationSetup.build(config, EMPTY), null, System::currentTimeMillis,
                    SessionLimits.DEFAULTS);
        } catch (RuntimeException | Error e) { // a harness that did not start leaves nothing behind either
            try {
                if (opened != null) {
                    opened.close();
                }
            } finally {
                TempPaths.delete(dataDir);
            }
            throw e;
        }
    }

    /** Stops the store's work, closes it and deletes this harness's temporary directory. */
    @Override
    public void close() {
        try {
            durable.close();
        } finally {
            TempPaths.delete(dataDir);
        }
    }

    private static final com.fasterxml.jackson.databind.JsonNode EMPTY =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    private static final CrisisConfig CRISIS = CrisisSetup.config(EMPTY);

    /** The text payload of a complete, unmasked, final WebSocket text frame. */
    public static String payloadOf(io.netty.buffer.ByteBuf frame) {
        int i = frame.readerIndex();
        if ((frame.getByte(i) & 0xFF) != 0x81) {
            throw new AssertionError("not a final text frame");
        }
        int len = frame.getByte(i + 1) & 0x7F;
        int offset = 2;
        long length = len;
        if (len == 126) {
            length = frame.getUnsignedShort(i + 2);
            offset = 4;
        } else if (len == 127) {
            length = frame.getLong(i + 2);
            offset = 10;
        }
        if (frame.readableBytes() != offset + length) {
            throw new AssertionError("frame length " + length + " but " + (frame.readableBytes() - offset) + " bytes");
        }
        return frame.toString(i + offset, (int) length, StandardCharsets.UTF_8);
    }

    /** All text frames written to the channel so far, as JSON. */
    public static List<JsonNode> drain(EmbeddedChannel ch) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            if (o instanceof TextWebSocketFrame f) {
                out.add(JSON.readTree(f.content().toString(StandardCharsets.UTF_8)));
                f.release();
            } else if (o instanceof io.netty.buffer.ByteBuf raw) {
                out.add(JSON.readTree(payloadOf(raw)));
                raw.release();
            } else {
                io.netty.util.ReferenceCountUtil.release(o);
            }
        }
        return out;
    }

    /**
     * The encoded frame behind {@code written}, a buffer a connection wrote: its derived views
     * (duplicates) and Netty's leak-detection wrappers taken off. Netty samples some allocations
     * for leak detection (about 1 in 128 at its default level) and then hands out a new wrapper
     * around a new duplicate for each {@code retainedDuplicate()}, so one level of
     * {@code unwrap()} is not enough to tell whether two recipients share one frame.
     */
    public static io.netty.buffer.ByteBuf frameOf(io.netty.buffer.ByteBuf written) {
        io.netty.buffer.ByteBuf b = written;
        while (b instanceof io.netty.buffer.WrappedByteBuf || b instanceof io.netty.buffer.DuplicatedByteBuf) {
            b = b.unwrap();
        }
        return b;
    }
}
