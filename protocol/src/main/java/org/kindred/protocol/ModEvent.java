package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** Events for watching moderators. */
public sealed interface ModEvent extends ServerMessage permits ModEvent.Alert, ModEvent.Held,
        ModEvent.ReportFiled, ModEvent.Escalation {

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

    @JsonTypeName("mod.report")
    record ReportFiled(String report, String room, String msg, String member, ReportReason reason, String excerpt,
            long ts) implements ModEvent {
    }

    @JsonTypeName("mod.escalation")
    record Escalation(String escalation, String room, String member, RiskLevel level, EscalationSource source,
            String excerpt, EscalationStatus status, String claimedBy, long ts) implements ModEvent {
    }
}
