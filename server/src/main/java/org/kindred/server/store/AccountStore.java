package org.kindred.server.store;

import java.util.List;
import java.util.Optional;

/** Moderator and admin accounts. Names are compared exactly (callers normalise them). */
public interface AccountStore {

    /** Adds the account unless one of that name exists; true when it was added. */
    boolean insertIfAbsent(ModeratorAccount account);

    Optional<ModeratorAccount> find(String name);

    /** All accounts, by name. */
    List<ModeratorAccount> list();

    /** Sets the disabled flag; false when there is no such account. */
    boolean setDisabled(String name, boolean disabled);

    /** Replaces the password hash (e.g. after a rehash with stronger parameters). */
    boolean updatePasswordHash(String name, String passwordHash);
}
