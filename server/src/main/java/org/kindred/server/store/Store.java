package org.kindred.server.store;

/**
 * Kindred's durable store: moderator accounts, login tokens, bans, mutes, reports,
 * escalations, held messages, the audit log and the rooms' numbering floors, each behind its own
 * small interface.
 *
 * <h2>Guarantees every implementation gives</h2>
 * <ul>
 *   <li><b>Durable on return.</b> A mutating method that returns normally has committed its
 *       change durably: it survives the process being killed (SIGKILL) and restarted, and an
 *       OS crash or power loss as far as the database's own durability setting allows
 *       (the SQLite implementation syncs every commit to disk). Callers may acknowledge an
 *       action to a client (e.g. {@code ok} for {@code mod.ban}) only after the call returned.</li>
 *   <li><b>Unknown on failure.</b> A method that throws {@link StoreException} may or may not
 *       have committed; callers must not acknowledge the action and should report an internal
 *       error.</li>
 *   <li><b>Atomic.</b> Each method is one transaction: its effect is seen whole or not at all.
 *       Conditional transitions (claiming an escalation, deciding a held message, lifting a
 *       ban) succeed for at most one of several concurrent callers.</li>
 *   <li><b>Thread-safe.</b> Any method may be called from any thread. Calls may block on I/O:
 *       never call the store from an event-loop thread that must not block.</li>
 *   <li><b>Times are epoch milliseconds</b> supplied by the caller; the store has no clock
 *       of its own, so tests and callers decide what "now" is.</li>
 *   <li><b>Content.</b> The only message text ever stored is a report's or escalation's
 *       {@link Excerpt excerpt} and a held message's text while it awaits a decision;
 *       {@link #purgeExpired(long)} removes them when their retention period ends. Network
 *       addresses are never stored, only keyed fingerprints.</li>
 * </ul>
 * Closing the store is idempotent; any call after {@link #close()} throws {@link StoreException}.
 */
public interface Store extends AutoCloseable {

    AccountStore accounts();

    TokenStore tokens();

    BanStore bans();

    MuteStore mutes();

    ReportStore reports();

    EscalationStore escalations();

    HeldStore held();

    AuditStore audit();

    /** Pages sent to webhook targets when nobody answers an escalation. */
    PagingStore paging();

    /** The rooms' message-numbering floors (several nodes and Redis restarting). */
    SeqFloorStore seqFloors();

    /** The retention periods this store was opened with. */
    StoreConfig config();

    /**
     * Deletes whatever has outlived its retention period as of {@code now}: reports and
     * escalations (with their excerpts and pages), held messages, audit entries, expired or revoked
     * login tokens, ended mutes, and bans that ended (expired or lifted) more than the audit
     * retention ago. One transaction.
     */
    PurgeResult purgeExpired(long now);

    /** True when the store answers a trivial query; for readiness checks. Never throws. */
    boolean isHealthy();

    /** Releases the database. Idempotent. */
    @Override
    void close();
}
