package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.Role;
import org.kindred.server.moderator.AccountException.Reason;
import org.kindred.server.moderator.AccountService.BootstrapResult;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.LoginToken;
import org.kindred.server.store.ModeratorAccount;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;
import org.kindred.server.session.Principal;

class AccountServiceTest {
    @TempDir
    Path tmp;
    private Store store;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        store = SqliteStore.open(tmp, StoreConfig.defaults());
        accounts = new AccountService(store.accounts(), store.tokens(), hasher,
                new AuditLog(store.audit(), clock), clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static Reason reasonOf(Runnable r) {
        return assertThrows(AccountException.class, r::run).reason();
    }

    @Test
    void createStoresANormalisedNameAndAHashOnly() {
        ModeratorAccount a = accounts.create("  Zoe.M ", Role.MODERATOR, "a long password");
        assertEquals("zoe.m", a.name());
        ModeratorAccount stored = store.accounts().find("zoe.m").orElseThrow();
        assertFalse(stored.passwordHash().contains("a long password"));
        assertTrue(hasher.verify("a long password", stored.passwordHash()));
        assertEquals(clock.millis(), stored.createdAt());
        AuditEntry e = store.audit().recent(1).get(0);
        assertEquals("account_created", e.action());
        assertEquals("zoe.m", e.target());
        assertEquals("system", e.actor());
    }

    @Test
    void namesPasswordsAndRolesAreChecked() {
        assertEquals(Reason.INVALID_NAME, reasonOf(() -> accounts.create("zo", Role.MODERATOR, "password1")));
        assertEquals(Reason.INVALID_NAME, reasonOf(() -> accounts.create("a:b", Role.MODERATOR, "password1")));
        assertEquals(Reason.INVALID_NAME, reasonOf(() -> accounts.create("-lead", Role.MODERATOR, "password1")));
        assertEquals(Reason.INVALID_NAME, reasonOf(() -> accounts.create("x".repeat(33), Role.MODERATOR, "password1")));
        assertEquals(Reason.INVALID_NAME, reasonOf(() -> accounts.create(null, Role.MODERATOR, "password1")));
        assertEquals(Reason.INVALID_PASSWORD, reasonOf(() -> accounts.create("zoe", Role.MODERATOR, "short")));
        assertEquals(Reason.INVALID_PASSWORD, reasonOf(() -> accounts.create("zoe", Role.MODERATOR, "          ")));
        assertEquals(Reason.INVALID_ROLE, reasonOf(() -> accounts.create("zoe", Role.MEMBER, "password1")));
        assertTrue(store.accounts().list().isEmpty());
        accounts.create("x".repeat(32), Role.ADMIN, "password1");
    }

    @Test
    void aNameIsTakenOnceWhateverItsCase() {
        accounts.create("zoe", Role.MODERATOR, "password1");
        assertEquals(Reason.EXISTS, reasonOf(() -> accounts.create("ZOE", Role.ADMIN, "password2")));
        assertEquals(List.of("zoe"), accounts.list().stream().map(ModeratorAccount::name).toList());
    }

    @Test
    void verifyAcceptsTheRightPasswordOfAnEnabledAccountOnly() {
        accounts.create("zoe", Role.ADMIN, "password1");
        assertEquals(Optional.of(new Principal("zoe", Role.ADMIN)), accounts.verify("Zoe", "password1"));
        assertTrue(accounts.verify("zoe", "password2").isEmpty());
        assertTrue(accounts.verify("nobody", "password1").isEmpty());
        assertTrue(accounts.verify("not a name!", "password1").isEmpty());
        assertTrue(accounts.verify("zoe", null).isEmpty());
        accounts.disable("zoe");
        assertTrue(accounts.verify("zoe", "password1").isEmpty());
        assertTrue(accounts.principal("zoe").isEmpty());
        accounts.enable("zoe", "amir");
        assertTrue(accounts.verify("zoe", "password1").isPresent());
        assertEquals("account_enabled", store.audit().recent(1).get(0).action());
        assertEquals("amir", store.audit().recent(1).get(0).actor());
    }

    @Test
    void disablingRevokesTheAccountsTokens() {
        accounts.create("zoe", Role.MODERATOR, "password1");
        store.tokens().insert(new LoginToken("h1", "zoe", clock.millis(), clock.millis() + 1000, null));
        accounts.disable("zoe", "amir");
        assertTrue(store.accounts().find("zoe").orElseThrow().disabled());
        assertFalse(store.tokens().findByHash("h1").orElseThrow().isValidAt(clock.millis()));
        AuditEntry e = store.audit().recent(1).get(0);
        assertEquals("account_disabled", e.action());
        assertEquals("amir", e.actor());
        assertEquals(Reason.NOT_FOUND, reasonOf(() -> accounts.disable("nobody")));
        assertEquals(Reason.NOT_FOUND, reasonOf(() -> accounts.enable("nobody", "amir")));
    }

    @Test
    void verifyUpgradesAnOldHash() {
        PasswordHasher weaker = new PasswordHasher(PasswordHasher.MIN_ITERATIONS + 1);
        store.accounts().insertIfAbsent(new ModeratorAccount("zoe", Role.MODERATOR,
                weaker.hash("password1"), false, 0));
        assertTrue(accounts.verify("zoe", "password1").isPresent());
        String upgraded = store.accounts().find("zoe").orElseThrow().passwordHash();
        assertFalse(hasher.needsRehash(upgraded));
        assertTrue(hasher.verify("password1", upgraded));
    }

    @Test
    void bootstrapCreatesAnAdminOnceAndNeverLogsThePassword() {
        try (LogCapture logs = new LogCapture()) {
            assertEquals(BootstrapResult.CREATED, accounts.bootstrap("Root:pass:with:colons"));
            assertEquals(Optional.of(new Principal("root", Role.ADMIN)),
                    accounts.verify("root", "pass:with:colons"));
            assertEquals(BootstrapResult.ALREADY_PRESENT, accounts.bootstrap("root:another-password"));
            assertTrue(accounts.verify("root", "pass:with:colons").isPresent(),
                    "an existing account's password is left alone");
            assertFalse(logs.text().contains("pass:with:colons"));
            assertFalse(logs.text().contains("another-password"));
            assertTrue(logs.text().contains("root"), "the event itself is logged");
        }
        assertEquals(BootstrapResult.NOT_REQUESTED, accounts.bootstrap(null));
        assertEquals(BootstrapResult.NOT_REQUESTED, accounts.bootstrap("  "));
    }

    @Test
    void aMalformedBootstrapSpecIsRefusedWithoutEchoingIt() {
        AccountException e = assertThrows(AccountException.class,
                () -> accounts.bootstrap("no-colon-secret-value"));
        assertFalse(e.getMessage().contains("secret-value"));
        AccountException weak = assertThrows(AccountException.class, () -> accounts.bootstrap("root:tiny"));
        assertEquals(Reason.INVALID_PASSWORD, weak.reason());
        assertFalse(weak.getMessage().contains("tiny"));
        assertTrue(accounts.list().isEmpty());
    }
}
