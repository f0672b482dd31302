package org.kindred.server.store;

import java.util.Objects;
import org.kindred.protocol.ReportReason;

/** What a caller gives to create a {@link Report}; {@code excerpt} must fit {@link Excerpt}. */
public record NewReport(String room, String msgId, String reporterId, String reportedId,
                        ReportReason reason, String note, String excerpt, long createdAt) {
    public NewReport {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(reporterId, "reporterId");
        Objects.requireNonNull(reason, "reason");
        if (!Excerpt.fits(excerpt)) {
            throw new IllegalArgumentException("excerpt is longer than an excerpt may be");
        }
    }
}
