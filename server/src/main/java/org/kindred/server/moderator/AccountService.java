package org.kindred.server.moderator;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kindred.protocol.Role;
import org.kindred.server.moderator.AccountException.Reason;
import org.kindred.server.store.AccountStore;
import org.kindred.server.store.ModeratorAccount;
import org.kindred.server.store.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kindred.server.session.Principal;

/**
 * Moderator and admin accounts: creation, listing, disabling and password checks.
 *
 * <p>Names: 3–32 characters, lower-case letters, digits and {@code _ . -}, starting with a
 * letter or digit; they are compared case-insensitively (stored in lower case). Passwords:
 * {@value #MIN_PASSWORD} to {@value #MAX_PASSWORD} characters, not all whitespace. Every
 * change is written to the audit log. Passwords are never logged. Thread-safe.
 */
public final class AccountService {
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,31}");
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    /** What {@link #bootstrap(String)} did. */
    public enum BootstrapResult { NOT_REQUESTED, CREATED, ALREADY_PRESENT }

    private final AccountStore accounts;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private volatile String dummyHash;

    public AccountService(AccountStore accounts, TokenStore tokens, PasswordHasher hasher,
                          AuditLog audit, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The canonical (lower-case) form of a valid name. */
    public static String normalizeName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new AccountException(Reason.INVALID_NAME, "A name has 3 to 32 characters:"
                    + " letters, digits, '_', '.' or '-', starting with a letter or digit.");
        }
        return n;
    }

    /** Creates an account, recorded in the audit log as done by {@link AuditLog#SYSTEM}. */
    public ModeratorAccount create(String name, Role role, String password) {
        return create(name, role, password, AuditLog.SYSTEM);
    }

    /**
     * Creates an account.
     *
     * @throws AccountException INVALID_NAME, INVALID_ROLE, INVALID_PASSWORD or EXISTS
     */
    public ModeratorAccount create(String name, Role role, String password, String actor) {
        String n = normalizeName(name);
        if (role == null || !role.canModerate()) {
            throw new AccountException(Reason.INVALID_ROLE, "The role is supporter, moderator or admin.");
        }
        checkPassword(password);
        ModeratorAccount account = new ModeratorAccount(n, role, hasher.hash(password), false,
                clock.millis());
        if (!accounts.insertIfAbsent(account)) {
            throw new AccountException(Reason.EXISTS, "An account named " + n + " exists.");
        }
        audit.record(actor, AuditAction.ACCOUNT_CREATED, n, null, role.name().toLowerCase(Locale.ROOT));
        LOG.info("moderator account created: {} ({})", n, role);
        return account;
    }

    /** Disables an account and revokes its tokens. Idempotent. */
    public void disable(String name, String actor) {
        String n = normalizeName(name);
        if (!accounts.setDisabled(n, true)) {
            throw new AccountException(Reason.NOT_FOUND, "There is no account named " + n + ".");
        }
        int revoked = tokens.revokeAllFor(n, clock.millis());
        audit.record(actor, AuditAction.ACCOUNT_DISABLED, n, null, null);
        LOG.info("moderator account disabled: {} ({} token(s) revoked)", n, revoked);
    }

    /** Disables an account, recorded as done by {@link AuditLog#SYSTEM}. */
    public void disable(String name) {
        disable(name, AuditLog.SYSTEM);
    }

    /** Enables a disabled account again. Idempotent. */
    public void enable(String name, String actor) {
        String n = normalizeName(name);
        if (!accounts.setDisabled(n, false)) {
            throw new AccountException(Reason.NOT_FOUND, "There is no account named " + n + ".");
        }
        audit.record(actor, AuditAction.ACCOUNT_ENABLED, n, null, null);
        LOG.info("moderator account enabled: {}", n);
    }

    /** All accounts, by name. */
    public List<ModeratorAccount> list() {
        return accounts.list();
    }

    /**
     * The principal when the name and password match an enabled account. Takes about the
     * same time whether or not the account exists. Upgrades the stored hash when it was
     * made with older parameters.
     */
    public Optional<Principal> verify(String name, String password) {
        if (password == null) {
            return Optional.empty();
        }
        Optional<ModeratorAccount> found = validName(name).flatMap(accounts::find);
        if (found.isEmpty()) {
            hasher.verify(password, dummyHash());
            return Optional.empty();
        }
        ModeratorAccount a = found.get();
        boolean matches = hasher.verify(password, a.passwordHash());
        if (!matches || a.disabled()) {
            return Optional.empty();
        }
        if (hasher.needsRehash(a.passwordHash())) {
            accounts.updatePasswordHash(a.name(), hasher.hash(password));
            LOG.info("moderator account password hash upgraded: {}", a.name());
        }
        return Optional.of(new Principal(a.name(), a.role()));
    }

    /** The principal of an enabled account of that name. */
    public Optional<Principal> principal(String name) {
        return validName(name).flatMap(accounts::find)
                .filter(a -> !a.disabled())
                .map(a -> new Principal(a.name(), a.role()));
    }

    /**
     * Creates an admin account from {@code KINDRED_BOOTSTRAP_MODERATOR=name:password} unless
     * an account of that name exists (its password is then left alone). The password may
     * contain ':'. Null or blank spec: nothing to do.
     *
     * @throws AccountException when the spec is malformed (the message never holds the password)
     */
    public BootstrapResult bootstrap(String spec) {
        if (spec == null || spec.isBlank()) {
            return BootstrapResult.NOT_REQUESTED;
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new AccountException(Reason.INVALID_PASSWORD,
                    "KINDRED_BOOTSTRAP_MODERATOR must be name:password.");
        }
        String name = normalizeName(spec.substring(0, colon));
        if (accounts.find(name).isPresent()) {
            LOG.info("bootstrap moderator {} already present", name);
            return BootstrapResult.ALREADY_PRESENT;
        }
        try {
            create(name, Role.ADMIN, spec.substring(colon + 1), AuditLog.SYSTEM);
        } catch (AccountException e) {
            if (e.reason() == Reason.EXISTS) {
                return BootstrapResult.ALREADY_PRESENT;
            }
            throw e;
        }
        LOG.info("bootstrap moderator {} created", name);
        return BootstrapResult.CREATED;
    }

    private static Optional<String> validName(String name) {
        try {
            return Optional.of(normalizeName(name));
        } catch (AccountException e) {
            return Optional.empty();
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD
                || password.isBlank()) {
            throw new AccountException(Reason.INVALID_PASSWORD, "A password has "
                    + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
        }
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash("timing-equaliser-not-a-password");
            dummyHash = h;
        }
        return h;
    }
}
