package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.Role;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.LoginToken;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;
import org.kindred.server.session.Principal;

class TokenServiceTest {
    private static final String PW = "zoe's password";
    @TempDir
    Path tmp;
    private Store store;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private AccountService accounts;
    private TokenService tokens;

    @BeforeEach
    void setUp() {
        store = SqliteStore.open(tmp, StoreConfig.defaults());
        AuditLog audit = new AuditLog(store.audit(), clock);
        accounts = new AccountService(store.accounts(), store.tokens(),
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS), audit, clock);
        tokens = new TokenService(accounts, store.tokens(), audit,
                new LoginConfig(Duration.ofHours(12), 3, Duration.ofSeconds(1), Duration.ofSeconds(10),
                        10, Duration.ofMinutes(15), Duration.ofMinutes(10)), clock);
        accounts.create("zoe", Role.MODERATOR, PW);
        accounts.create("amir", Role.ADMIN, "amir's password");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private LoginResult.Success loginZoe(String fp) {
        return assertInstanceOf(LoginResult.Success.class, tokens.login("zoe", PW, fp));
    }

    @Test
    void aLoginYieldsAnOpaqueTokenStoredOnlyAsItsHash() {
        try (LogCapture logs = new LogCapture()) {
            LoginResult.Success ok = loginZoe("fp1");
            assertTrue(ok.token().matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url");
            assertEquals(clock.millis() + Duration.ofHours(12).toMillis(), ok.expiresAt());
            assertEquals(new Principal("zoe", Role.MODERATOR), ok.principal());
            Optional<LoginToken> stored = store.tokens().findByHash(TokenService.hash(ok.token()));
            assertTrue(stored.isPresent());
            assertNotEquals(ok.token(), stored.get().tokenHash());
            assertTrue(store.tokens().findByHash(ok.token()).isEmpty(), "the token itself is not a key");
            assertEquals(Optional.of(ok.principal()), tokens.authenticate(ok.token()));
            assertNotEquals(ok.token(), loginZoe("fp1").token(), "every login a new token");
            assertFalse(logs.text().contains(ok.token()));
            assertFalse(logs.text().contains(PW));
            assertFalse(ok.toString().contains(ok.token()));
        }
        AuditEntry e = store.audit().recent(1).get(0);
        assertEquals("login", e.action());
        assertEquals("zoe", e.actor());
    }

    @Test
    void aTokenExpires() {
        LoginResult.Success ok = loginZoe("fp1");
        clock.advance(Duration.ofHours(12).minusMillis(1));
        assertTrue(tokens.authenticate(ok.token()).isPresent());
        clock.advance(Duration.ofMillis(1));
        assertTrue(tokens.authenticate(ok.token()).isEmpty());
    }

    @Test
    void aRevokedTokenIsRefused() {
        LoginResult.Success ok = loginZoe("fp1");
        LoginResult.Success other = loginZoe("fp1");
        assertTrue(tokens.revoke(ok.token()));
        assertFalse(tokens.revoke(ok.token()));
        assertTrue(tokens.authenticate(ok.token()).isEmpty());
        assertTrue(tokens.authenticate(other.token()).isPresent(), "only that token");
        assertEquals("logout", store.audit().recent(1).get(0).action());
    }

    @Test
    void aDisabledAccountsTokensAreRefused() {
        LoginResult.Success ok = loginZoe("fp1");
        accounts.disable("zoe");
        assertTrue(tokens.authenticate(ok.token()).isEmpty());
        assertInstanceOf(LoginResult.Rejected.class, tokens.login("zoe", PW, "fp1"));
    }

    @Test
    void malformedOrUnknownTokensAreRefused() {
        assertTrue(tokens.authenticate(null).isEmpty());
        assertTrue(tokens.authenticate("").isEmpty());
        assertTrue(tokens.authenticate("not a token").isEmpty());
        assertTrue(tokens.authenticate("A".repeat(43)).isEmpty());
        assertFalse(tokens.revoke("A".repeat(43)));
        assertFalse(tokens.revoke(null));
    }

    private LoginResult.Throttled throttled(String user, String password, String fp) {
        return assertInstanceOf(LoginResult.Throttled.class, tokens.login(user, password, fp));
    }

    private void reject(String user, String fp) {
        assertInstanceOf(LoginResult.Rejected.class, tokens.login(user, "wrong", fp));
    }

    @Test
    void failuresFromOneNetworkDelayThatNetworkWithGrowingDelaysUpToTheCap() {
        for (int i = 0; i < 3; i++) {
            reject("zoe", "fp-bad");
        }
        reject("zoe", "fp-bad"); // the fourth failure brings the first delay
        assertEquals(1_000, throttled("zoe", PW, "fp-bad").retryAfterMs(), "not even the right password");
        assertEquals("login_locked", store.audit().forTarget("zoe", 5).get(0).action());
        long[] expected = {2_000, 4_000, 8_000, 10_000, 10_000}; // nine failures: under the network limit
        long wait = 1_000;
        for (long e : expected) {
            clock.advance(Duration.ofMillis(wait));
            reject("zoe", "fp-bad");
            assertEquals(e, throttled("zoe", "wrong", "fp-bad").retryAfterMs());
            wait = e;
        }
        clock.advance(Duration.ofSeconds(10));
        loginZoe("fp-bad");
    }

    @Test
    void anAttackerOnAnotherNetworkNeverLocksTheAccountForItsOwner() {
        for (int i = 0; i < 20; i++) {
            tokens.login("zoe", "wrong", "fp-attacker");
            clock.advance(Duration.ofMillis(300));
        }
        throttled("zoe", PW, "fp-attacker");
        loginZoe("fp-owner");
        loginZoe(null);
    }

    @Test
    void everySpellingOfANameIsOneAccountForLookupAndThrottle() {
        for (String spelling : List.of("ZOE", " zoe", "Zoe\u00a0", "\uff5a\uff4f\uff45")) {
            reject(spelling, "fp-bad");
        }
        throttled("zoe", PW, "fp-bad");
        throttled("\uff3a\uff2f\uff25", PW, "fp-bad");
        assertEquals("zoe", assertInstanceOf(LoginResult.Success.class,
                tokens.login(" \uff3a\uff2f\uff25 ", PW, "fp-good")).principal().name());
    }

    @Test
    void manyFailuresFromOneNetworkThrottleThatNetworkForEveryAccount() {
        for (String n : List.of("a1x", "a2x", "a3x", "a4x", "a5x", "a6x", "a7x", "a8x", "a9x")) {
            reject(n, "fp-bad");
        }
        loginZoe("fp-bad"); // nine failures: not yet
        reject("a10", "fp-bad");
        assertEquals(Duration.ofMinutes(10).toMillis(), throttled("zoe", PW, "fp-bad").retryAfterMs());
        assertInstanceOf(LoginResult.Success.class, tokens.login("amir", "amir's password", "fp-good"));
        loginZoe("fp-good");
        loginZoe(null);
        clock.advance(Duration.ofMinutes(10));
        loginZoe("fp-bad");
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        reject("zoe", "fp1");
        reject("zoe", "fp1");
        clock.advance(Duration.ofMinutes(15));
        reject("zoe", "fp1");
        reject("zoe", "fp1");
        reject("zoe", "fp1");
        loginZoe("fp1");
    }

    @Test
    void aSuccessClearsThatNetworksFailuresForTheAccount() {
        for (int i = 0; i < 3; i++) {
            reject("zoe", "fp1");
        }
        loginZoe("fp1");
        for (int i = 0; i < 3; i++) {
            reject("zoe", "fp1");
        }
        loginZoe("fp1");
    }

    @Test
    void impossibleNamesShareOneKeyPerNetworkAndAreThrottledToo() {
        for (int i = 0; i < 4; i++) {
            reject("x".repeat(40 + i), "fp-bad");
        }
        throttled("??", "whatever", "fp-bad");
        reject("??", "fp-good");
        loginZoe("fp-bad");
    }
}
