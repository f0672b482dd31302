package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.testing.Harness;
import org.kindred.server.transport.Connection;

/**
 * A room-wide notice carrying a sentence reaches each member in their session's language, encoded
 * once per language present (members of one language share one buffer), and a member away keeps it
 * to read in the language they come back with.
 */
class LocalHubLanguageTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();
    private final Metrics metrics = new Metrics();
    private final LocalHub hub = new LocalHub(codec, metrics);

    private Connection connection(EmbeddedChannel ch, String locale) {
        Connection c = new Connection(ch, codec, metrics, null, new Connection.Limits(60, 20, 5), 0);
        c.helloHints(null, locale);
        return c;
    }

    private Session member(String id, String locale, EmbeddedChannel ch) {
        Session s = new Session(id, "h" + id, Role.MEMBER, null, locale, null, null, 0, 8, connection(ch, locale));
        hub.add("general", s);
        return s;
    }

    private static ByteBuf one(EmbeddedChannel ch) {
        ByteBuf b = ch.readOutbound();
        assertTrue(b != null && ch.outboundMessages().isEmpty(), "exactly one frame");
        return b;
    }

    private static String text(ByteBuf frame) throws Exception {
        return Harness.JSON.readTree(Harness.payloadOf(frame)).path("text").asText();
    }

    @Test
    void eachLanguagePresentIsEncodedOnceAndSharedByItsReaders() throws Exception {
        EmbeddedChannel es1 = new EmbeddedChannel();
        EmbeddedChannel es2 = new EmbeddedChannel();
        EmbeddedChannel de = new EmbeddedChannel();
        EmbeddedChannel en = new EmbeddedChannel();
        EmbeddedChannel fr = new EmbeddedChannel();
        member("u_1", "es-MX", es1);
        member("u_2", "es", es2);
        member("u_3", "de-AT", de);
        member("u_4", null, en);
        member("u_5", "fr", fr);
        hub.deliver("general", Sentence.of("notice.slow_mode.on", "seconds", 30).notice("general", "slow_mode"), "u_5");

        ByteBuf a = one(es1);
        ByteBuf b = one(es2);
        ByteBuf g = one(de);
        ByteBuf e = one(en);
        assertTrue(fr.outboundMessages().isEmpty(), "the member left out gets nothing");
        assertSame(Harness.frameOf(a), Harness.frameOf(b), "one Spanish frame for both Spanish readers");
        assertNotSame(Harness.frameOf(a), Harness.frameOf(g));
        assertEquals("El modo lento está activado: un mensaje cada 30 segundos.", text(a));
        assertEquals(text(a), text(b));
        assertEquals("Der langsame Modus ist an: eine Nachricht alle 30 Sekunden.", text(g));
        assertEquals("Slow mode is on: one message every 30 seconds.", text(e));
        for (ByteBuf x : List.of(a, b, g, e)) {
            x.release();
        }
        assertEquals(0, Harness.frameOf(a).refCnt(), "every shared frame is freed");
        assertEquals(0, Harness.frameOf(g).refCnt());
    }

    @Test
    void membersWhoAlreadyKnowAreLeftOutToo() throws Exception {
        EmbeddedChannel knew = new EmbeddedChannel();
        EmbeddedChannel other = new EmbeddedChannel();
        member("u_7", "de", knew);
        member("u_8", "de", other);
        hub.deliver("general", Sentence.of("notice.unlocked").notice("general", "unlocked"), null, java.util.Set.of("u_7"));
        assertTrue(knew.outboundMessages().isEmpty());
        ByteBuf b = one(other);
        assertEquals("Der Raum ist wieder offen.", text(b));
        b.release();
    }

    @Test
    void aMemberAwayReadsTheNoticeInTheLanguageTheyComeBackWith() throws Exception {
        EmbeddedChannel first = new EmbeddedChannel();
        Session s = member("u_6", "es", first);
        assertTrue(s.detach(s.attachedConnection()));
        hub.deliver("general", Sentence.of("notice.locked").notice("general", "locked"), null);
        s.locale("de-DE");
        EmbeddedChannel back = new EmbeddedChannel();
        s.attach(connection(back, "de-DE"));
        assertEquals(List.of("Das Moderationsteam hat diesen Raum vorübergehend geschlossen."),
                Harness.drain(back).stream().map(n -> n.path("text").asText()).toList());
        assertTrue(first.outboundMessages().isEmpty());
    }
}
