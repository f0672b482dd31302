package org.kindred.server.paging;

import java.util.Locale;

/** The body shape a webhook target expects. */
public enum PageFormat {
    /** Kindred's own JSON: {@code {"event":"kindred.escalation", …}}. */
    GENERIC,
    /** A PagerDuty Events API v2 trigger event. */
    PAGERDUTY,
    /** A Slack-compatible incoming-webhook body {@code {"text": …}}. */
    SLACK;

    /** The configuration spelling, e.g. {@code "pagerduty"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
