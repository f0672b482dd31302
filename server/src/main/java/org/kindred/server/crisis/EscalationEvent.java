package org.kindred.server.crisis;

import java.util.Objects;

/**
 * A change to an escalation, for the server to push {@code mod.escalation} and write the audit log.
 *
 * @param kind what happened
 * @param escalation the escalation after the change
 * @param actor the moderator who acted (claim, resolve), {@code null} for automatic steps
 */
public record EscalationEvent(Kind kind, Escalation escalation, String actor) {

    public EscalationEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(escalation, "escalation");
    }

    /** What happened to the escalation. */
    public enum Kind {
        /** A new escalation. */
        OPENED,
        /** A further risk signal from the same member in the same room raised the level of the active one. */
        UPGRADED,
        /** A further risk signal at the same or a lower level; nothing changed but it is worth auditing. */
        REPEATED,
        /** A moderator took it. */
        CLAIMED,
        /** A moderator closed it. */
        RESOLVED,
        /** Still unclaimed at imminent after the configured interval: announced again. */
        REANNOUNCED
    }

    /**
     * Whether moderators should be paged now (a {@code mod.escalation} push that demands
     * attention): opening, upgrading and re-announcing an escalation at {@code high} or
     * {@code imminent}. Claim and resolve are pushed as status updates but do not page;
     * a {@code concern}-level escalation is visible in the queue only.
     */
    public boolean pagesModerators() {
        return escalation.level().escalates()
                && (kind == Kind.OPENED || kind == Kind.UPGRADED || kind == Kind.REANNOUNCED);
    }

    /** Whether watching moderators should receive the new state (everything but {@link Kind#REPEATED}). */
    public boolean changesState() {
        return kind != Kind.REPEATED;
    }
}
