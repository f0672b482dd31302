package org.kindred.server.store;

import java.util.Objects;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.RiskLevel;

/** What a caller gives to open an {@link Escalation}; room and excerpt may be null. */
public record NewEscalation(String room, String memberId, RiskLevel level,
                            EscalationSource source, String excerpt, long createdAt) {
    public NewEscalation {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        if (!Excerpt.fits(excerpt)) {
            throw new IllegalArgumentException("excerpt is longer than an excerpt may be");
        }
    }
}
