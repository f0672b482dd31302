package org.kindred.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identifier fields are refused at decode unless they have the shape of an identifier the server issues. */
class IdentifierShapeTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();

    private static final String BIG = "x".repeat(5 * 1024);

    private ServerMessage.Error error(String frame) {
        Decoded d = codec.decodeClient(frame);
        assertFalse(d.isOk(), frame);
        return d.error();
    }

    @Test
    void helpWithAFiveKilobyteRoomIsStillHelpWithoutTheRoom() {
        Decoded d = codec.decodeClient("{\"type\":\"help\",\"id\":\"9\",\"room\":\"" + BIG + "\"}");
        assertTrue(d.isOk());
        assertEquals(new ClientMessage.Help("9", null), d.message());
        assertTrue(codec.decodeClient("{\"type\":\"help\"}").isOk());
        assertEquals(new ClientMessage.Help(null, "lobby"), codec.decodeClient("{\"type\":\"help\",\"room\":\"lobby\"}").message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"join\",\"room\":\"R\"}|room",
        "{\"type\":\"leave\",\"room\":\"R\"}|room",
        "{\"type\":\"send\",\"room\":\"R\",\"text\":\"hi\"}|room",
        "{\"type\":\"typing\",\"room\":\"R\"}|room",
        "{\"type\":\"report\",\"room\":\"a\",\"msg\":\"R\",\"reason\":\"spam\"}|msg",
        "{\"type\":\"mod.delete\",\"room\":\"a\",\"msg\":\"R\"}|msg",
        "{\"type\":\"mod.mute\",\"room\":\"a\",\"member\":\"R\",\"seconds\":5}|member",
        "{\"type\":\"mod.unmute\",\"room\":\"R\",\"member\":\"u_1\"}|room",
        "{\"type\":\"mod.kick\",\"room\":\"a\",\"member\":\"R\"}|member",
        "{\"type\":\"mod.ban\",\"member\":\"R\",\"reason\":\"x\"}|member",
        "{\"type\":\"mod.unban\",\"ban\":\"R\"}|ban",
        "{\"type\":\"mod.slow\",\"room\":\"R\",\"seconds\":1}|room",
        "{\"type\":\"mod.lock\",\"room\":\"R\",\"locked\":true}|room",
        "{\"type\":\"mod.approve\",\"room\":\"a\",\"msg\":\"R\"}|msg",
        "{\"type\":\"mod.reject\",\"room\":\"R\",\"msg\":\"m_1\"}|room",
        "{\"type\":\"mod.claim\",\"escalation\":\"R\"}|escalation",
        "{\"type\":\"mod.resolve\",\"escalation\":\"R\",\"outcome\":\"resolved\"}|escalation"})
    void everyIdentifierFieldIsShapeChecked(String template, String field) {
        for (String bad : new String[] {BIG, "", "a b", "room\\u0000", "caf\u00e9", "<b>", "x".repeat(65),
                "\\ud800"}) {
            ServerMessage.Error e = error(template.replace("\"R\"", "\"" + bad + "\""));
            assertEquals(ErrorCode.BAD_REQUEST, e.code(), bad);
            assertTrue(e.message().contains("'" + field + "'"), e.message());
        }
        Decoded ok = codec.decodeClient(template.replace("\"R\"", "\"ok_Id-1.a:" + "z".repeat(54) + "\""));
        assertTrue(ok.isOk(), () -> ok.error().message());
    }

    @Test
    void watchListEntriesAreIdentifiersOrTheWildcard() {
        assertTrue(codec.decodeClient("{\"type\":\"mod.watch\",\"rooms\":[\"*\",\"lobby\"]}").isOk());
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"mod.watch\",\"rooms\":[\"" + BIG + "\"]}").code());
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"mod.watch\",\"rooms\":[null]}").code());
        String many = "[" + "\"a\",".repeat(256) + "\"a\"]";
        assertTrue(error("{\"type\":\"mod.watch\",\"rooms\":" + many + "}").message().contains("at most 256"));
    }

    @Test
    void secondsAreBoundedSoMillisecondsCannotOverflow() {
        long max = Fields.MAX_SECONDS;
        assertTrue(codec.decodeClient("{\"type\":\"mod.ban\",\"member\":\"u_1\",\"reason\":\"r\",\"seconds\":" + max
                + "}").isOk());
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"mod.ban\",\"member\":\"u_1\",\"reason\":\"r\","
                + "\"seconds\":" + Long.MAX_VALUE + "}").code());
        assertEquals(ErrorCode.BAD_REQUEST, error("{\"type\":\"mod.mute\",\"room\":\"a\",\"member\":\"u_1\","
                + "\"seconds\":" + (max + 1) + "}").code());
    }
}
