package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** Events for watching moderators. */
public sealed interface ModEvent extends ServerMessage permits ModEvent.Alert, ModEvent.Held,
        ModEvent.ReportFiled, ModEvent.Escalation, ModEvent.RoomState {

    @JsonTypeName("mod.alert")
    record Alert(String room, String msg, String member, List<String> categories, String excerpt, long ts)
            implements ModEvent {
        public Alert {
            categories = Fields.list(categories);
        }
    }

    @JsonTypeName("mod.held")
    record Held(String room, String msg, String member, String text, List<String> categories, long ts)
            implements ModEvent {
        public Held {
            categories = Fields.list(categories);
        }
    }

    /**
     * A report: {@code status} (1.1) is {@code open} when filed and {@code dismissed} when a
     * moderator dismissed it ({@code mod.dismiss}), after which it is in nobody's queue.
     */
    @JsonTypeName("mod.report")
    record ReportFiled(String report, String room, String msg, String member, ReportReason reason, String excerpt,
            long ts, String status) implements ModEvent {
        /** The report's status when filed. */
        public static final String OPEN = "open";
        /** The report's status once dismissed. */
        public static final String DISMISSED = "dismissed";
    }

    /**
     * {@code mod.room} (1.1): a room's people count or lock changed; sent to the moderators
     * watching it, so the console's counts are live.
     */
    @JsonTypeName("mod.room")
    record RoomState(String room, int members, int capacity, boolean locked) implements ModEvent {
    }

    @JsonTypeName("mod.escalation")
    record Escalation(String escalation, String room, String member, RiskLevel level, EscalationSource source,
            String excerpt, EscalationStatus status, String claimedBy, long ts) implements ModEvent {
    }
}
