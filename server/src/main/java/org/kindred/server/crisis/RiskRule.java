package org.kindred.server.crisis;

import org.kindred.protocol.RiskLevel;

/**
 * One compiled pattern with what it means. Immutable.
 *
 * @param level {@code null} for boosters and ignore rules; for a cap, the most it lets a signal count
 * @param kind a signal, a booster (only counts next to a signal), an ignore (cancels overlapping
 *     matches) or a recovery (past-tense recovery talk: keeps the message below an escalation unless
 *     a time or an imminent signal is present)
 * @param person whose words the pattern is, see {@link Person}
 * @param language ISO 639-1 of the file, or {@code *} for language-neutral rules
 * @param localeOnly applies only when the session's locale has this language (or no locale)
 */
record RiskRule(RiskCategory category, RiskLevel level, Kind kind, Person person, PhrasePattern pattern,
        String language, boolean localeOnly, LanguageContext context) {

    /** {@code CAP}: the rest of its clause counts at most at the rule's level ({@link LevelCaps}). */
    enum Kind { SIGNAL, BOOSTER, IGNORE, RECOVERY, CAP }

    /** Whose words a pattern is. */
    enum Person {
        /** The writer's own ("kill myself", "kms"): never re-attributed, not cancelled by fiction words. */
        SELF,
        /** Decided by the nearest person word before the match (default when the pattern has no first-person word). */
        ANY,
        /** Explicitly someone else ("killed himself"): {@code third_party} at most. */
        THIRD
    }
}
