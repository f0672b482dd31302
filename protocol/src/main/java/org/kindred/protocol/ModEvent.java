package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * Events for watching moderators. Each may carry {@code current} (1.1, additive): where the
 * member it is about is now and under which nickname, so the console can name the person as
 * the rooms see them.
 */
public sealed interface ModEvent extends ServerMessage permits ModEvent.Alert, ModEvent.Held,
        ModEvent.ReportFiled, ModEvent.Escalation, ModEvent.RoomState {

    /** The member this event is about (an id), or null. */
    String member();

    /** The room this event is about (an id), or null (an escalation raised outside any room). */
    String room();

    /** The same event with {@code current} set (null: absent). */
    ModEvent with(Current current);

    /**
     * Where a member is now: {@code nick} in {@code room} (both absent when the member is in no
     * room), and {@code online} (false once the member's session has ended: nobody to reach).
     */
    record Current(String nick, String room, boolean online) {
    }

    @JsonTypeName("mod.alert")
    record Alert(String room, String msg, String member, List<String> categories, String excerpt, long ts,
            Current current) implements ModEvent {
        public Alert {
            categories = Fields.list(categories);
        }

        public Alert(String room, String msg, String member, List<String> categories, String excerpt, long ts) {
            this(room, msg, member, categories, excerpt, ts, null);
        }

        @Override
        public Alert with(Current now) {
            return new Alert(room, msg, member, categories, excerpt, ts, now);
        }
    }

    @JsonTypeName("mod.held")
    record Held(String room, String msg, String member, String text, List<String> categories, long ts,
            Current current) implements ModEvent {
        public Held {
            categories = Fields.list(categories);
        }

        public Held(String room, String msg, String member, String text, List<String> categories, long ts) {
            this(room, msg, member, text, categories, ts, null);
        }

        @Override
        public Held with(Current now) {
            return new Held(room, msg, member, text, categories, ts, now);
        }
    }

    /**
     * A report: {@code status} (1.1) is {@code open} when filed and {@code dismissed} when a
     * moderator dismissed it ({@code mod.dismiss}), after which it is in nobody's queue.
     */
    @JsonTypeName("mod.report")
    record ReportFiled(String report, String room, String msg, String member, ReportReason reason, String excerpt,
            long ts, String status, Current current) implements ModEvent {
        /** The report's status when filed. */
        public static final String OPEN = "open";
        /** The report's status once dismissed. */
        public static final String DISMISSED = "dismissed";

        /** Without {@code current}. */
        public ReportFiled(String report, String room, String msg, String member, ReportReason reason,
                String excerpt, long ts, String status) {
            this(report, room, msg, member, reason, excerpt, ts, status, null);
        }

        @Override
        public ReportFiled with(Current now) {
            return new ReportFiled(report, room, msg, member, reason, excerpt, ts, status, now);
        }
    }

    /**
     * {@code mod.room} (1.1): a room's people count or lock changed; sent to the moderators
     * watching it, so the console's counts are live. About no member: {@link #member()} is null.
     */
    @JsonTypeName("mod.room")
    record RoomState(String room, int members, int capacity, boolean locked) implements ModEvent {
        @Override
        public String member() {
            return null;
        }

        @Override
        public RoomState with(Current now) {
            return this;
        }
    }

    @JsonTypeName("mod.escalation")
    record Escalation(String escalation, String room, String member, RiskLevel level, EscalationSource source,
            String excerpt, EscalationStatus status, String claimedBy, long ts, Current current) implements ModEvent {
        public Escalation(String escalation, String room, String member, RiskLevel level, EscalationSource source,
                String excerpt, EscalationStatus status, String claimedBy, long ts) {
            this(escalation, room, member, level, source, excerpt, status, claimedBy, ts, null);
        }

        @Override
        public Escalation with(Current now) {
            return new Escalation(escalation, room, member, level, source, excerpt, status, claimedBy, ts, now);
        }
    }
}
