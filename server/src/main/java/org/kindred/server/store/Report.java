package org.kindred.server.store;

import java.util.Objects;
import org.kindred.protocol.ReportReason;

/**
 * A member's report of a message.
 *
 * @param reporterId the reporting member's id
 * @param reportedId the id of the member who wrote the message, or null if unknown
 * @param note       the reporter's optional note
 * @param excerpt    a short {@link Excerpt excerpt} of the reported message, or null
 * @param closedBy   moderator who closed it, or null
 * @param closedAt   epoch ms, or null
 */
public record Report(String id, String room, String msgId, String reporterId, String reportedId,
                     ReportReason reason, String note, String excerpt, long createdAt,
                     ReportStatus status, String closedBy, Long closedAt) {
    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(reporterId, "reporterId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
    }
}
