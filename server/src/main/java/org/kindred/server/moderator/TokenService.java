package org.kindred.server.moderator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kindred.server.store.LoginToken;
import org.kindred.server.store.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kindred.server.session.Principal;

/**
 * Moderator logins and the opaque tokens they yield.
 *
 * <p>A token is 32 random bytes in unpadded base64url (43 characters); only its SHA-256 is
 * stored, so a copy of the database lets no one log in. Failed logins are throttled per
 * (account, network fingerprint) with growing delays and coarsely per network
 * ({@link LoginConfig}); an account is never locked for everyone.
 * Tokens and passwords are never logged. Thread-safe.
 */
public final class TokenService {
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    /** The one throttle key for names no account can have. */
    private static final String INVALID_NAME = "(invalid name)";

    private final AccountService accounts;
    private final TokenStore tokens;
    private final AuditLog audit;
    private final LoginConfig config;
    private final Clock clock;
    private final LoginLimiter limiter;
    private final SecureRandom random = new SecureRandom();

    public TokenService(AccountService accounts, TokenStore tokens, AuditLog audit,
                        LoginConfig config, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limiter = new LoginLimiter(config, clock);
    }

    /**
     * Checks a name and password and issues a token. The name is normalised once
     * ({@link LoginName}) for both the account lookup and the throttle. While this account is
     * delayed for this network, or this network is throttled, answers
     * {@link LoginResult.Throttled} without checking the password.
     *
     * @param addressFingerprint the caller's network fingerprint ({@link Fingerprinter}), or
     *                           null when unknown (such callers share one throttle key)
     */
    public LoginResult login(String user, String password, String addressFingerprint) {
        String typed = LoginName.fold(user);
        String account = LoginName.account(user).orElse(INVALID_NAME);
        long retry = limiter.retryAfterMs(account, addressFingerprint);
        if (retry > 0) {
            return new LoginResult.Throttled(retry);
        }
        Optional<Principal> principal = accounts.verify(typed, password);
        if (principal.isEmpty()) {
            recordFailure(account, addressFingerprint);
            return new LoginResult.Rejected();
        }
        limiter.recordSuccess(account, addressFingerprint);
        Principal p = principal.get();
        String token = newToken();
        long now = clock.millis();
        long expiresAt = now + config.tokenTtl().toMillis();
        tokens.insert(new LoginToken(hash(token), p.name(), now, expiresAt, null));
        audit.record(p.name(), AuditAction.LOGIN, p.name(), null, null);
        LOG.info("moderator logged in: {}", p.name());
        return new LoginResult.Success(token, expiresAt, p);
    }

    /** The principal of a valid (known, unexpired, unrevoked) token of an enabled account. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        long now = clock.millis();
        return tokens.findByHash(hash(token))
                .filter(t -> t.isValidAt(now))
                .flatMap(t -> accounts.principal(t.account()));
    }

    /**
     * The principal behind a token known only by its {@link #digest}: present while the token
     * is known, unexpired and unrevoked and its account enabled. Blocks on the store.
     */
    public Optional<Principal> principalForDigest(String digest) {
        if (digest == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        return tokens.findByHash(digest)
                .filter(t -> t.isValidAt(now))
                .flatMap(t -> accounts.principal(t.account()));
    }

    /**
     * The digest of a login token as the store keeps it (hex SHA-256, 64 characters); a staff
     * session keeps this, never the token. Null for null.
     */
    public static String digest(String token) {
        return token == null ? null : hash(token);
    }

    /** Revokes a token (log-out); false when it was unknown or already revoked. */
    public boolean revoke(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return false;
        }
        String h = hash(token);
        Optional<LoginToken> t = tokens.findByHash(h);
        if (t.isEmpty() || !tokens.revoke(h, clock.millis())) {
            return false;
        }
        audit.record(t.get().account(), AuditAction.LOGOUT, t.get().account(), null, null);
        return true;
    }

    /** Hex SHA-256 of a token: what the store keeps. */
    static String hash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    private String newToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private void recordFailure(String account, String addressFingerprint) {
        LoginLimiter.Change change = limiter.recordFailure(account, addressFingerprint);
        if (change == LoginLimiter.Change.NONE) {
            return;
        }
        String why = change == LoginLimiter.Change.PAIR_DELAYED
                ? "repeated failed logins for this account from one network"
                : "too many failed logins from one network";
        audit.record(AuditLog.SYSTEM, AuditAction.LOGIN_LOCKED, account, null, why);
        LOG.warn("login throttled: {}", why);
    }
}
