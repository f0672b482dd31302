package org.kindred.server.store;

import java.util.List;

/** The append-only audit log. Entries are never changed; they are purged after retention. */
public interface AuditStore {

    /** Appends the entry (its id is ignored) and returns it with its assigned id. */
    AuditEntry append(AuditEntry entry);

    /** The newest entries, newest first. */
    List<AuditEntry> recent(int limit);

    /** The newest entries about one target, newest first. */
    List<AuditEntry> forTarget(String target, int limit);
}
