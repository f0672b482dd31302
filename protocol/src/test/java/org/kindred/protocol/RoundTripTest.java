package org.kindred.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    private final ProtocolCodec codec = ProtocolCodec.shared();

    static Stream<ClientMessage> clientSamples() {
        return Stream.of(
                new ClientMessage.Hello("1", 1, "en-GB", "GB", "tok", "auth"),
                new ClientMessage.Hello(null, 1, null, null, null, null),
                new ClientMessage.ListRooms("2"),
                new ClientMessage.Join("3", "anxiety", "Quiet Heron"),
                new ClientMessage.Leave("4", "anxiety"),
                new ClientMessage.Send("5", "anxiety", "hello \"there\" \u00e9\u4e2d"),
                new ClientMessage.Typing(null, "anxiety"),
                new ClientMessage.Report("6", "anxiety", "m1", ReportReason.SELF_HARM, "note"),
                new ClientMessage.Help("7", "grief"),
                new ModRequest.Watch("8", List.of("*")),
                new ModRequest.Delete("9", "general", "m1", "spam"),
                new ModRequest.Mute("10", "general", "u1", 600L, "calm down"),
                new ModRequest.Unmute("11", "general", "u1"),
                new ModRequest.Kick("12", "general", "u1", "off-topic", 60L),
                new ModRequest.Ban("13", "u1", null, "threats"),
                new ModRequest.Unban("14", "b1"),
                new ModRequest.Slow("15", "general", 30L),
                new ModRequest.Lock("16", "general", true),
                new ModRequest.Approve("17", "general", "m2", null),
                new ModRequest.Reject("18", "general", "m2", "abuse"),
                new ModRequest.Claim("19", "e1"),
                new ModRequest.Resolve("20", "e1", ResolveOutcome.HANDED_OFF, "called line"),
                new ModRequest.Queue("21"),
                new CheckInRequest.Plan("22", 60),
                new CheckInRequest.Cancel("23", "c_1"),
                new CheckInRequest.Answer("24", "c_1", "worse"),
                new ModRequest.Bans("25"),
                new ModRequest.Dismiss("26", "r1", "not harassment"),
                new ModRequest.Dismiss("27", "r1", null),
                new ModRequest.Reach("28", "e1", null),
                new ModRequest.Reach("29", null, "u1"),
                new ModRequest.Close("30", "private-abc"),
                new ClientMessage.React("31", "anxiety", "m_1", "hug", null),
                new ClientMessage.React("32", "anxiety", "m_1", "same", true),
                new ClientMessage.React(null, "anxiety", "m_1", "heart", false));
    }

    static Stream<ServerMessage> serverSamples() {
        MemberInfo me = new MemberInfo("u1", "Quiet Heron", Role.MEMBER);
        ServerMessage.Message msg = new ServerMessage.Message("general", "m1", 7, me, "hi", 1_700_000_000_000L);
        ModEvent.Held held = new ModEvent.Held("general", "m2", "u1", "text", List.of("link"), 5L);
        ModEvent.ReportFiled report = new ModEvent.ReportFiled("r1", "general", "m1", "u2", ReportReason.SPAM,
                "exc", 6L, ModEvent.ReportFiled.OPEN);
        ModEvent.Escalation esc = new ModEvent.Escalation("e1", "general", "u1", RiskLevel.IMMINENT,
                EscalationSource.KEYWORD, "exc", EscalationStatus.CLAIMED, "mod1", 7L);
        return Stream.of(
                new ServerMessage.Welcome("1", 1, "sess", new MemberInfo("u1", null, Role.MODERATOR),
                        new Limits(2000, 1.0, 5)),
                new ServerMessage.Welcome("1", 1, "sess", new MemberInfo("u1", null, Role.MEMBER),
                        new Limits(2000, 1.0, 5), List.of("checkin", "mod.bans", "mod.dismiss", "reach")),
                new ServerMessage.Welcome("1", 1, "sess", new MemberInfo("u1", null, Role.MEMBER),
                        new Limits(2000, 1.0, 5), List.of("recovered"), true),
                ServerMessage.Ok.checkin("4", "c_1"),
                new ServerMessage.CheckIn("c_1", "How are you feeling now?"),
                ServerMessage.Ok.room("4r", "private-abc"),
                new ServerMessage.Invite("private-abc", new MemberInfo("u9", "Alex", Role.MODERATOR), "e1",
                        "Would you like to talk?"),
                esc.with(new ModEvent.Current("Quiet Heron", "general", true)),
                held.with(new ModEvent.Current(null, null, false)),
                new ServerMessage.Rooms("2", List.of(new RoomSummary("general", "General", "topic", 3, 50, false))),
                new ServerMessage.Joined("3", "general", me, List.of(me), List.of(msg), "Be kind.",
                        new RoomMode(0, false)),
                ServerMessage.Ok.of("4"),
                new ServerMessage.Ok("5", "r1", null),
                new ServerMessage.Ok("6", null, "b1"),
                new ServerMessage.Sent("7", "general", "m1", SendStatus.MASKED, "call me at ***"),
                new ServerMessage.Error("8", ErrorCode.RATE_LIMITED, "Slow down.", 1200L),
                new ServerMessage.Crisis("9", RiskLevel.HIGH, "You are not alone.",
                        List.of(new CrisisResource("988 Lifeline", "US", "988", "988", null, "https://988lifeline.org",
                                "24/7")), "e1"),
                new ServerMessage.Queue("10", List.of(held), List.of(report), List.of(esc),
                        List.of(new ModEvent.Alert("general", "m4", "u3", List.of("threat"), "exc", 9L))),
                new ServerMessage.Bans("11", List.of(new ServerMessage.BanInfo("b1", "u2", "Bo", "spam", null, "mod1", 9L),
                        new ServerMessage.BanInfo("b2", "u3", null, "threats", 99L, "mod1", 8L))),
                new ModEvent.RoomState("general", 3, 50, true),
                msg,
                msg.withReactions(new ReactionCounts(2, 0, 1, 0)),
                msg.withReactions(ReactionCounts.NONE),
                new ServerMessage.Reaction("general", "m1", ReactionKind.HUG, 3,
                        new MemberInfo("u2", "Bo", null), null),
                new ServerMessage.Reaction("general", "m1", ReactionKind.SAME, 0,
                        new MemberInfo("u2", "Bo", null), true),
                new ServerMessage.Presence("general", PresenceEvent.LEAVE, me, 2),
                new ServerMessage.Typing("general", new MemberInfo("u1", "Quiet Heron", null)),
                new ServerMessage.Deleted("general", "m1"),
                new ServerMessage.Notice("general", "slow_mode", "Slow mode is on."),
                new ServerMessage.Kicked("general", "off-topic"),
                new ModEvent.Alert("general", "m3", "u3", List.of("threat"), "exc", 8L),
                held, report, esc);
    }

    @ParameterizedTest
    @MethodSource("clientSamples")
    void clientMessagesRoundTrip(ClientMessage message) {
        String json = codec.encodeClient(message);
        Decoded decoded = codec.decodeClient(json);
        assertTrue(decoded.isOk(), () -> json + " -> " + decoded.error());
        assertEquals(message, decoded.message());
    }

    @ParameterizedTest
    @MethodSource("serverSamples")
    void serverMessagesRoundTrip(ServerMessage message) throws Exception {
        String json = new String(codec.encode(message), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(message, codec.decodeServer(json), json);
    }

    @Test
    void everyClientTypeOfTheSpecHasASample() {
        Set<String> sampled = clientSamples().map(m -> codec.encodeClient(m))
                .map(json -> json.substring(json.indexOf(":\"") + 2, json.indexOf('"', json.indexOf(":\"") + 2)))
                .collect(Collectors.toSet());
        assertEquals(Set.of("hello", "rooms", "join", "leave", "send", "typing", "report", "help", "mod.watch",
                "mod.delete", "mod.mute", "mod.unmute", "mod.kick", "mod.ban", "mod.unban", "mod.slow", "mod.lock",
                "mod.approve", "mod.reject", "mod.claim", "mod.resolve", "mod.queue", "checkin", "checkin.cancel",
                "checkin.answer", "mod.bans", "mod.dismiss", "mod.reach",
                "mod.close", "react"), sampled);
        assertEquals(sampled, codec.clientTypes());
    }

    @Test
    void eventsCarryNoIdAndTypeComesFirst() {
        String json = new String(codec.encode(new ServerMessage.Deleted("general", "m1")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"deleted\",\"room\":\"general\",\"msg\":\"m1\"}", json);
    }

    @Test
    void errorIsWrittenAsTheSpecShows() {
        String json = new String(codec.encode(new ServerMessage.Error("7", ErrorCode.RATE_LIMITED,
                "You're sending messages too quickly.", 1200L)), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"error\",\"id\":\"7\",\"code\":\"rate_limited\","
                + "\"message\":\"You're sending messages too quickly.\",\"retryAfterMs\":1200}", json);
    }
}
