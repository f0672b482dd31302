package org.kindred.server.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.ConsoleEvent;
import org.kindred.server.events.StaffChange;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.AuditStore;
import org.kindred.server.testing.Harness;
import org.kindred.server.transport.Connection;

/**
 * The staff member's node of a hand-off across nodes, with the other node played by the test in
 * a forced order: the shared record is a map ({@link Records}), the check scheduled every
 * {@link ConversationChecks#CHECK_MS} comes due when the test says, and the member's node's events are
 * handed to this node's listener when the test says. Every executor and room runs its work at
 * once on the test's thread, so each step is over when its call returns, except while the test
 * holds the blocking executor ({@link #hold}), whose work then waits, in order, for {@link #release}.
 */
class AcrossNodesCheckTest {
    private static final Executor DIRECT = Runnable::run;
    private static final String MEMBER = "u_member0001";
    private static final String OTHER_NODE = "node-b";

    private final ProtocolCodec codec = ProtocolCodec.shared();
    private final Metrics metrics = new Metrics();
    private final RoomRegistry rooms = new RoomRegistry(ConfigLoader.defaults().rooms(), rc -> new Room(rc, DIRECT,
            codec, metrics, new NickRules(n -> true), 50, 3_600_000, System::currentTimeMillis));
    private final SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(2), 50, s -> { });
    private final Records records = new Records();
    private final Events events = new Events();
    private final List<Runnable> checks = new ArrayList<>();
    private final Queue<Runnable> held = new ArrayDeque<>();
    private boolean holding;
    private HandOff handOff;
    private EmbeddedChannel staffChannel;
    private String room;

    @BeforeEach
    void reachAMemberOnTheOtherNode() throws Exception {
        Executor blocking = work -> {
            if (holding) {
                held.add(work);
            } else {
                work.run();
            }
        };
        handOff = new HandOff(rooms, sessions, null, new AuditLog(new Entries(), Clock.systemUTC()), blocking)
                .acrossNodes(records, events, checkingByHand(checks));
        assertEquals(1, checks.size(), "one periodic check scheduled");
        staffChannel = new EmbeddedChannel();
        long now = System.currentTimeMillis();
        Connection c = new Connection(staffChannel, codec, metrics, "fp", new Connection.Limits(60, 20, 5), now);
        Session staff = sessions.create(c, Role.MODERATOR, "alex", null, null, "fp", now).session();

        handOff.reach(c, staff, new ModRequest.Reach("r1", null, MEMBER));
        StaffChange asked = events.published.get(0);
        assertEquals(StaffChange.Kind.REACH, asked.kind());
        room = asked.room();
        fromOtherNode(StaffChange.Kind.REACH_INVITED); // the member's node invited it
        JsonNode ok = replies().stream().filter(n -> "ok".equals(n.path("type").asText())).findFirst().orElseThrow();
        assertEquals(room, ok.path("room").asText());
        assertEquals(1, handOff.open());
    }

    /**
     * The member declines on its node, which ends the shared record and then publishes
     * {@code REACH_DECLINED}; this node's check runs in between. The staff member hears
     * {@code declined}, as when the event comes first, never {@code closed}.
     */
    @Test
    void aCheckBetweenTheDeclineAndItsEventLeavesTheEndingToTheEvent() throws Exception {
        assertTrue(records.end(room, MEMBER), "the member's node ends the record");
        runCheck();
        assertEquals(List.of(), notices(), "nothing told yet");
        assertEquals(1, handOff.open(), "still held until the event or the next check");

        fromOtherNode(StaffChange.Kind.REACH_DECLINED);
        assertEquals(List.of("declined"), notices());
        assertEquals(0, handOff.open());
        runCheck();
        assertEquals(List.of(), notices(), "told once");
    }

    /**
     * Ticks that come due while the blocking executor is busy queue one check at most (a tick
     * while one is queued or running starts none), and a check that runs late counts as the tick
     * it was queued at: the decline's event, queued after it, still ends the conversation as
     * {@code declined}.
     */
    @Test
    void checksQueuedBehindABusyExecutorDoNotEndItBeforeTheEvent() throws Exception {
        hold();
        runCheck();
        runCheck();
        records.end(room, MEMBER); // while the checks wait
        fromOtherNode(StaffChange.Kind.REACH_DECLINED);
        assertEquals(2, held.size(), "one check (the second tick starts none while it waits) and the event wait");
        release();
        assertEquals(List.of("declined"), notices());
        assertEquals(0, handOff.open());
    }

    /**
     * An ending whose event this node missed still ends here, as {@code closed}, at the check
     * {@link ConversationChecks#GONE_TICKS} checks after the one that first found the record gone.
     */
    @Test
    void aMissedEndingEndsGoneTicksAfterTheCheckThatFirstFoundTheRecordGone() throws Exception {
        records.end(room, MEMBER);
        for (int i = 0; i < ConversationChecks.GONE_TICKS; i++) {
            runCheck();
            assertEquals(List.of(), notices(), "check " + (i + 1));
            assertEquals(1, handOff.open());
        }
        runCheck();
        assertEquals(List.of("closed"), notices());
        assertEquals(0, handOff.open());
    }

    /** The check's schedule comes due once. */
    private void runCheck() {
        checks.forEach(Runnable::run);
    }

    /** From now on, work handed to the blocking executor waits. */
    private void hold() {
        holding = true;
    }

    /** Runs the work that waited, in the order it was handed over, and lets new work run at once. */
    private void release() {
        holding = false;
        for (Runnable work; (work = held.poll()) != null; ) {
            work.run();
        }
    }

    private void fromOtherNode(StaffChange.Kind kind) {
        StaffChange change = StaffChange.handOff(kind, room, MEMBER, OTHER_NODE);
        events.listeners.forEach(l -> l.changed(change));
    }

    private List<JsonNode> replies() throws Exception {
        return Harness.drain(staffChannel);
    }

    /** The codes of the notices of the conversation's room the staff member got since last asked. */
    private List<String> notices() throws Exception {
        return replies().stream().filter(n -> "notice".equals(n.path("type").asText())
                && room.equals(n.path("room").asText())).map(n -> n.path("code").asText()).toList();
    }

    /** A scheduler that only keeps the periodic task it is given, for the test to run. */
    private static ScheduledExecutorService checkingByHand(List<Runnable> into) {
        return (ScheduledExecutorService) Proxy.newProxyInstance(AcrossNodesCheckTest.class.getClassLoader(),
                new Class<?>[] {ScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("scheduleWithFixedDelay")) {
                        into.add((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The shared records, one map. */
    private static final class Records implements Ledger {
        final Map<String, Record> byRoom = new ConcurrentHashMap<>();

        @Override
        public String nodeId() {
            return "node-a";
        }

        @Override
        public String claim(Record r) {
            Optional<String> existing = roomOf(r.memberId());
            if (existing.isPresent()) {
                return existing.get();
            }
            byRoom.put(r.room(), r);
            return null;
        }

        @Override
        public Optional<Record> find(String room) {
            return Optional.ofNullable(byRoom.get(room));
        }

        @Override
        public Optional<String> roomOf(String memberId) {
            return byRoom.values().stream().filter(r -> r.memberId().equals(memberId)).map(Record::room).findFirst();
        }

        @Override
        public boolean memberAt(String room, String node) {
            return byRoom.containsKey(room);
        }

        @Override
        public boolean accepted(String room) {
            return byRoom.containsKey(room);
        }

        @Override
        public boolean end(String room, String memberId) {
            return byRoom.remove(room) != null;
        }

        @Override
        public State check(String room, boolean staffSide) {
            return byRoom.containsKey(room) ? State.OPEN : State.ENDED;
        }
    }

    /** This node's events: what it publishes is kept; the other node's are handed to {@link #listeners} by the test. */
    private static final class Events implements ClusterEvents {
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
        final List<StaffChange> published = new CopyOnWriteArrayList<>();

        @Override
        public String nodeId() {
            return "node-a";
        }

        @Override
        public void publish(StaffChange change) {
            published.add(change);
        }

        @Override
        public void publishConsole(ConsoleEvent event) {
        }

        @Override
        public Subscription subscribe(Listener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public boolean reachesOtherNodes() {
            return true;
        }

        @Override
        public boolean isUp() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** An audit store in memory. */
    private static final class Entries implements AuditStore {
        private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

        @Override
        public AuditEntry append(AuditEntry entry) {
            entries.add(entry);
            return entry;
        }

        @Override
        public List<AuditEntry> recent(int limit) {
            return List.copyOf(entries);
        }

        @Override
        public List<AuditEntry> forTarget(String target, int limit) {
            return List.of();
        }
    }
}
