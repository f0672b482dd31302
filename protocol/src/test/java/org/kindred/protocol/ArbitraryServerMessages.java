package org.kindred.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds an arbitrary {@link ServerMessage} of any type from fuzzer data, for the encoder round trip. */
final class ArbitraryServerMessages {
    private final FuzzedDataProvider d;

    ArbitraryServerMessages(FuzzedDataProvider d) {
        this.d = d;
    }

    ServerMessage next() {
        return switch (d.consumeInt(0, 23)) {
            case 0 -> new ServerMessage.Welcome(s(), d.consumeInt(), s(), member(),
                    new Limits(d.consumeInt(), d.consumeRegularDouble(), d.consumeInt()), list(this::s));
            case 1 -> new ServerMessage.Rooms(s(), list(() -> new RoomSummary(s(), s(), s(), d.consumeInt(),
                    d.consumeInt(), d.consumeBoolean())));
            case 2 -> new ServerMessage.Joined(s(), s(), member(), list(this::member), list(this::message), s(),
                    d.consumeBoolean() ? null : new RoomMode(d.consumeLong(), d.consumeBoolean()));
            case 3 -> new ServerMessage.Ok(s(), s(), s(), s(), s());
            case 4 -> new ServerMessage.Sent(s(), s(), s(), pick(SendStatus.values()), s());
            case 5 -> new ServerMessage.Error(s(), d.pickValue(ErrorCode.values()), "x" + d.consumeString(20),
                    d.consumeBoolean() ? null : d.consumeLong());
            case 6 -> new ServerMessage.Crisis(s(), pick(RiskLevel.values()), s(), list(() ->
                    new CrisisResource("n" + d.consumeString(20), s(), s(), s(), s(), s(), s())), s());
            case 7 -> new ServerMessage.Queue(s(), list(this::held), list(this::report), list(this::escalation),
                    list(() -> new ModEvent.Alert(s(), s(), s(), list(this::s), s(), d.consumeLong())));
            case 8 -> message();
            case 9 -> new ServerMessage.Presence(s(), pick(PresenceEvent.values()), member(), d.consumeInt());
            case 10 -> new ServerMessage.Typing(s(), member());
            case 11 -> new ServerMessage.Deleted(s(), s());
            case 12 -> new ServerMessage.Notice(s(), s(), s());
            case 13 -> new ServerMessage.Kicked(s(), s());
            case 14 -> new ModEvent.Alert(s(), s(), s(), list(this::s), s(), d.consumeLong());
            case 15 -> held();
            case 20 -> new ServerMessage.Invite("r" + s(), new MemberInfo("u" + d.consumeString(20), s(),
                    pick(Role.values())), s(), "t" + d.consumeString(20));
            case 21 -> escalation().with(new ModEvent.Current(s(), s(), d.consumeBoolean()));
            case 22 -> new ServerMessage.Reaction("r" + d.consumeString(20), "m" + d.consumeString(20),
                    d.pickValue(ReactionKind.values()), d.consumeInt(0, Integer.MAX_VALUE), member(),
                    d.consumeBoolean() ? null : d.consumeBoolean());
            case 16 -> report();
            case 17 -> new ServerMessage.CheckIn("c" + d.consumeString(20), "t" + d.consumeString(40));
            case 18 -> new ServerMessage.Bans(s(), list(() -> new ServerMessage.BanInfo("b" + d.consumeString(20), s(), s(),
                    s(), d.consumeBoolean() ? null : d.consumeLong(), s(), d.consumeLong())));
            case 19 -> new ModEvent.RoomState(s(), d.consumeInt(), d.consumeInt(), d.consumeBoolean());
            default -> escalation();
        };
    }

    private ServerMessage.Message message() {
        return new ServerMessage.Message(s(), s(), d.consumeLong(), member(), s(), d.consumeLong(),
                d.consumeBoolean() ? null : new ReactionCounts(d.consumeInt(0, 1 << 20), d.consumeInt(0, 1 << 20),
                        d.consumeInt(0, 1 << 20), d.consumeInt(0, 1 << 20)));
    }

    private ModEvent.Held held() {
        return new ModEvent.Held(s(), s(), s(), s(), list(this::s), d.consumeLong());
    }

    private ModEvent.ReportFiled report() {
        return new ModEvent.ReportFiled(s(), s(), s(), s(), pick(ReportReason.values()), s(), d.consumeLong(),
                s());
    }

    private ModEvent.Escalation escalation() {
        return new ModEvent.Escalation(s(), s(), s(), pick(RiskLevel.values()), pick(EscalationSource.values()),
                s(), pick(EscalationStatus.values()), s(), d.consumeLong());
    }

    private MemberInfo member() {
        return d.consumeBoolean() ? null : new MemberInfo("u" + d.consumeString(20), s(), pick(Role.values()));
    }

    /** A string of any UTF-16 content (unpaired surrogates included), or null. */
    private String s() {
        if (d.consumeBoolean()) {
            return null;
        }
        return d.consumeBoolean() ? d.consumeString(40) : d.consumeAsciiString(12);
    }

    private <T> T pick(T[] values) {
        return d.consumeBoolean() ? null : d.pickValue(values);
    }

    private <T> List<T> list(Supplier<T> item) {
        int n = d.consumeInt(0, 3);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            T v = item.get();
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
