package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.StaffChange;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.Ban;
import org.kindred.server.store.NewBan;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;
import org.kindred.server.transport.Connection;

/**
 * The node holding a member banned through another node learns the ban from the ban's event or
 * from a resync, whichever comes first; either way it gives the ban the member's network
 * fingerprint. Run in one order on this thread (the blocking executor runs work at once): a
 * resync that reloaded after the ban was stored ends the member's session, and the ban's event
 * then finds no session here. Before, the resync closed the member without adding the
 * fingerprint and the event could not add it any more, so the network ban never held anywhere
 * ({@code StaffSyncAcrossNodesTest} failed so once in CI, when node B's resync at start-up was
 * late enough to overlap the ban).
 */
class StaffSyncResyncTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.shared();
    private static final String OTHER_NODE = "node_other";

    @TempDir
    Path dir;

    private Store store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aResyncThatEndsTheBannedMembersSessionAddsItsNetworkFingerprint() {
        store = SqliteStore.open(dir.resolve("data"), StoreConfig.defaults());
        long now = System.currentTimeMillis();
        ClusterEvents events = ClusterEvents.local();
        Room room = new Room(new RoomConfig("calm", "Calm", "t", "Be kind.", 10), Runnable::run, CODEC,
                new Metrics(), new NickRules(n -> true), 50, 60_000, System::currentTimeMillis);
        RoomRegistry rooms = new RoomRegistry(List.of(room.config()), rc -> room);
        SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(2), 10, room::expire);
        BanList bans = new BanList(store.bans(), System::currentTimeMillis, events);
        StaffSync sync = new StaffSync(events, bans, store.mutes(), rooms, sessions, Runnable::run,
                System::currentTimeMillis);
        EmbeddedChannel ch = new EmbeddedChannel();
        Connection c = new Connection(ch, CODEC, new Metrics(), "fp_far_network", new Connection.Limits(60, 20, 5), 0);
        Session member = sessions.create(c, Role.MEMBER, null, null, null, "fp_far_network", now).session();

        // another node bans the member by id alone (it is not connected there)
        Ban ban = store.bans().add(new NewBan(member.memberId(), null, "threats", "alex", now, null));
        sync.resync(); // this node's resync reads the ban first
        assertTrue(sessions.byMember(member.memberId()).isEmpty(), "the resync ends the banned member's session");
        assertFalse(ch.isOpen());
        sync.changed(StaffChange.ban(ban.id(), member.memberId(), OTHER_NODE)); // then the ban's event lands

        assertEquals("fp_far_network", store.bans().find(ban.id()).orElseThrow().fingerprint(),
                "the ban got the network fingerprint this node knew");
        assertTrue(bans.activeFor(null, "fp_far_network").isPresent(), "the network ban holds here");
        events.close();
    }
}
