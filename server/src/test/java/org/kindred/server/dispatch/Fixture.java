package org.kindred.server.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.CrisisSetup;
import org.kindred.server.StoreServices;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.moderator.BanList;
import org.kindred.server.moderator.Escalations;
import org.kindred.server.moderator.MemberReports;
import org.kindred.server.moderator.ModeratorHub;
import org.kindred.server.moderator.ModeratorRequests;
import org.kindred.server.moderator.ReviewQueue;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.testing.Harness;
import org.kindred.server.testing.TempPaths;
import org.kindred.server.transport.Connection;

/**
 * The services behind the request handlers over a store in a temporary directory, with every
 * executor running its work at once on the calling thread, so each reply is written before
 * {@code handle} returns. Rooms run inline too. {@link #close()} deletes the directory.
 */
final class Fixture implements AutoCloseable {
    static final Executor DIRECT = Runnable::run;
    static final JsonNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    final ProtocolCodec codec = ProtocolCodec.shared();
    final Metrics metrics = new Metrics();
    final long now = System.currentTimeMillis();
    final KindredConfig config;
    final RoomRegistry rooms;
    final SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(2), 50, s -> { });
    final StoreServices durable;
    final AuditLog audit;
    final ModeratorHub hub;
    final Escalations escalations;
    final BanList bans;
    final ModeratorRequests moderators;
    final MemberReports reports;
    final CrisisSupport crisis;

    /** One client: its channel, its connection, and the session it said hello with. */
    record Peer(EmbeddedChannel ch, Connection conn, Session session) {
        /** Everything written to this client so far, as JSON. */
        List<JsonNode> replies() throws Exception {
            return Harness.drain(ch);
        }
    }

    Fixture() throws Exception {
        config = ConfigLoader.defaults().toBuilder().dataDir(TempPaths.directory("kindred-dispatch")).build();
        rooms = new RoomRegistry(config.rooms(), rc -> new Room(rc, DIRECT, codec, metrics, new NickRules(n -> true),
                50, 3_600_000, () -> now));
        StoreServices opened = null;
        try {
            opened = StoreServices.open(config, EMPTY);
            durable = opened;
            audit = new AuditLog(durable.store().audit(), Clock.systemUTC());
            hub = new ModeratorHub(codec);
            escalations = new Escalations(durable.store().escalations(), audit, hub, () -> now);
            bans = new BanList(durable.store().bans(), () -> now);
            moderators = new ModeratorRequests(rooms, sessions, durable.store(), audit, hub, bans, escalations,
                    new ReviewQueue(durable.store().held(), audit, hub, sessions, DIRECT, () -> now), DIRECT,
                    () -> now);
            reports = new MemberReports(durable.store().reports(), audit, hub, escalations, DIRECT, () -> now);
            crisis = CrisisSetup.support(config.dataDir(), escalations, DIRECT);
        } catch (RuntimeException | Error e) { // a fixture that did not start leaves nothing behind either
            try {
                if (opened != null) {
                    opened.close();
                }
            } finally {
                TempPaths.delete(config.dataDir());
            }
            throw e;
        }
    }

    /** A client that said hello with {@code role} (staff sign in as "alex"). */
    Peer peer(Role role) {
        EmbeddedChannel ch = new EmbeddedChannel();
        Connection c = new Connection(ch, codec, metrics, "fp", new Connection.Limits(60, 20, 5), now);
        Session s = sessions.create(c, role, role.canModerate() ? "alex" : null, null, null, "fp", now).session();
        return new Peer(ch, c, s);
    }

    /** {@code p} joins {@code room} as {@code nick}; its {@code joined} reply is read and dropped. */
    void join(Peer p, String room, String nick) throws Exception {
        RoomReplies.join(rooms.get(room), p.session(), nick, p.conn(), "j");
        p.replies();
    }

    @Override
    public void close() {
        try {
            durable.close();
        } finally {
            TempPaths.delete(config.dataDir());
        }
    }
}
