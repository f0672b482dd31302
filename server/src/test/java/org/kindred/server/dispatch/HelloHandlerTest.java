package org.kindred.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.CloseCodes;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.moderator.BanList;
import org.kindred.server.session.NewSessions;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.session.Sessions;
import org.kindred.server.store.NewBan;
import org.kindred.server.testing.Harness;
import org.kindred.server.transport.Connection;

/**
 * {@code hello} from a banned network against a ban's sweep running at that very moment: the
 * connection is refused {@code banned} and stays open for a later {@code hello} (docs/protocol.md),
 * never closed 4003 as if it were a session of that network. The sweep is what a node does when
 * it learns a ban ({@code StaffSync}): it ends every member session from the banned network and
 * closes its connection 4003. Here it runs whenever the ban list reads its clock, that is inside
 * every ban check, the moment a registered session would be exposed to it.
 */
class HelloHandlerTest {
    private static final String FP = "fp";

    /** A fixture's services, a ban list whose clock runs the sweep once armed, and the hello handler over them. */
    private static final class Hellos implements AutoCloseable {
        final Fixture f;
        final AtomicBoolean sweeping = new AtomicBoolean();
        final AtomicInteger taken = new AtomicInteger();
        final BanList bans;
        Runnable onTake = () -> { };
        /** Runs at every read of the ban list's clock, that is inside every ban check. */
        Runnable onClock = () -> { };

        Hellos() throws Exception {
            f = new Fixture();
            LongSupplier clock = () -> {
                onClock.run();
                if (sweeping.get()) {
                    sweep();
                }
                return f.now;
            };
            bans = new BanList(f.durable.store().bans(), clock);
        }

        /** Ends every member session from the network {@link #FP}, closing its connection 4003. */
        void sweep() {
            for (Session s : List.copyOf(f.sessions.all())) {
                if (!s.role().canModerate() && FP.equals(s.fingerprint())) {
                    f.sessions.endAndClose(s, CloseCodes.BANNED, "Banned by a moderator");
                }
            }
        }

        void ban() {
            bans.add(new NewBan(null, FP, "threats", "alex", f.now, null));
        }

        HelloHandler handler() {
            NewSessions allowance = (fingerprint, nowMillis) -> {
                taken.incrementAndGet();
                onTake.run();
                return CompletableFuture.completedFuture(0L);
            };
            return new HelloHandler(f.config, f.sessions, f.rooms, null, null, Fixture.DIRECT,
                    new BanCheck(bans, () -> f.now), null, SessionLimits.DEFAULTS, allowance);
        }

        Connection connect(EmbeddedChannel ch) {
            return new Connection(ch, f.codec, f.metrics, FP, new Connection.Limits(60, 20, 5), f.now);
        }

        @Override
        public void close() {
            f.close();
        }
    }

    private static ClientMessage.Hello hello() {
        return new ClientMessage.Hello("h", ServerMessage.VERSION, null, null, null, null);
    }

    /** The JSON replies written to {@code ch}; fails on a close frame. */
    private static List<JsonNode> repliesNoClose(EmbeddedChannel ch) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            try {
                if (o instanceof CloseWebSocketFrame close) {
                    throw new AssertionError("closed " + close.statusCode() + " instead of a reply");
                }
                if (o instanceof TextWebSocketFrame t) {
                    out.add(Harness.JSON.readTree(t.content().toString(StandardCharsets.UTF_8)));
                } else if (o instanceof io.netty.buffer.ByteBuf raw) {
                    out.add(Harness.JSON.readTree(Harness.payloadOf(raw)));
                }
            } finally {
                io.netty.util.ReferenceCountUtil.release(o);
            }
        }
        return out;
    }

    /** One {@code banned} error answering the hello (id "h"), the connection still open, no session on it. */
    private static void assertRefusedAndOpen(EmbeddedChannel ch, Connection c) throws Exception {
        List<JsonNode> out = repliesNoClose(ch);
        assertEquals(1, out.size());
        assertEquals("banned", out.get(0).path("code").asText());
        assertEquals("h", out.get(0).path("id").asText());
        assertTrue(ch.isActive(), "the refused connection stays open for a later hello");
        assertNull(Sessions.of(c));
    }

    @Test
    void aHelloFromABannedNetworkIsRefusedBeforeItIsRegisteredSoASweepThenCannotCloseIt() throws Exception {
        try (Hellos h = new Hellos()) {
            h.ban();
            h.sweeping.set(true);
            EmbeddedChannel ch = new EmbeddedChannel();
            Connection c = h.connect(ch);
            h.handler().hello(c, hello(), h.f.now);

            assertRefusedAndOpen(ch, c);
            assertEquals(0, h.f.sessions.size(), "nothing was registered");
            assertEquals(0, h.taken.get(), "a refused hello takes nothing from the network's allowance");
        }
    }

    @Test
    void aBanThatComesInWhileTheSessionIsMadeRefusesItAndItsSweepClosesNothing() throws Exception {
        try (Hellos h = new Hellos()) {
            h.onTake = () -> { // the ban arrives after the first check, its sweep runs at the next
                h.ban();
                h.sweeping.set(true);
            };
            EmbeddedChannel ch = new EmbeddedChannel();
            Connection c = h.connect(ch);
            h.handler().hello(c, hello(), h.f.now);

            assertRefusedAndOpen(ch, c);
            assertEquals(0, h.f.sessions.size(), "the session made meanwhile has ended");
        }
    }

    @Test
    void aHelloFromAnotherNetworkIsWelcomedWithItsConnectionAttached() throws Exception {
        try (Hellos h = new Hellos()) {
            h.bans.add(new NewBan(null, "elsewhere", "threats", "alex", h.f.now, null));
            EmbeddedChannel ch = new EmbeddedChannel();
            Connection c = h.connect(ch);
            h.handler().hello(c, hello(), h.f.now);

            List<JsonNode> out = repliesNoClose(ch);
            assertEquals(1, out.size());
            assertEquals("welcome", out.get(0).path("type").asText());
            Session s = Sessions.of(c);
            assertEquals(out.get(0).path("member").path("id").asText(), s.memberId());
            assertFalse(s.isDetached(), "the session has its connection");
            assertEquals(1, h.taken.get());
            h.ban(); // now its network is banned: the sweep closes the welcomed session's connection
            h.sweep();
            assertTrue(s.isExpired());
            CloseWebSocketFrame close = ch.readOutbound();
            assertEquals(CloseCodes.BANNED, close.statusCode());
            close.release();
        }
    }

    /** A welcomed session whose connection then dropped; its resume token (the session waits to be resumed). */
    private static String droppedSession(Hellos h) throws Exception {
        EmbeddedChannel first = new EmbeddedChannel();
        Connection c = h.connect(first);
        h.handler().hello(c, hello(), h.f.now);
        String token = repliesNoClose(first).get(0).path("session").asText();
        h.f.sessions.detach(c);
        return token;
    }

    private static ClientMessage.Hello resume(String token) {
        return new ClientMessage.Hello("h", ServerMessage.VERSION, null, null, token, null);
    }

    @Test
    void aResumedSessionEndedByABansSweepAfterItsCheckIsRefusedAndNeverLeftOnTheConnection() throws Exception {
        try (Hellos h = new Hellos()) {
            String token = droppedSession(h);
            AtomicInteger reads = new AtomicInteger();
            HelloHandler handler = h.handler();
            h.onClock = () -> { // the check finds no ban; its sweep then ends the session before it is attached
                if (reads.incrementAndGet() == 1) {
                    h.sweep();
                } else {
                    h.ban();
                }
            };
            EmbeddedChannel ch = new EmbeddedChannel();
            Connection c = h.connect(ch);
            handler.hello(c, resume(token), h.f.now);

            assertRefusedAndOpen(ch, c);
            assertEquals(0, h.f.sessions.size(), "the resumed session has ended");
        }
    }

    @Test
    void aResumedSessionIsWelcomedWithItsConnectionAttachedAndASweepThenClosesIt() throws Exception {
        try (Hellos h = new Hellos()) {
            String token = droppedSession(h);
            EmbeddedChannel ch = new EmbeddedChannel();
            Connection c = h.connect(ch);
            h.handler().hello(c, resume(token), h.f.now);

            List<JsonNode> out = repliesNoClose(ch);
            assertEquals("welcome", out.get(0).path("type").asText(), out.toString());
            Session s = Sessions.of(c);
            assertFalse(s.isDetached(), "the resumed session has its connection");
            h.ban();
            h.sweep();
            CloseWebSocketFrame close = ch.readOutbound();
            assertEquals(CloseCodes.BANNED, close.statusCode());
            close.release();
        }
    }
}
