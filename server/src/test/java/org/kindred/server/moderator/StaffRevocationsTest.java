package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.transport.Connection;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.jdbc.SqliteStore;

/** The periodic check ends exactly the staff sessions whose sign-in no longer holds. */
class StaffRevocationsTest {
    private static final String PW = "zoe's password";
    @TempDir
    Path tmp;
    private Store store;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private AccountService accounts;
    private TokenService tokens;
    private final List<String> ended = new ArrayList<>();
    private final SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(2), 10,
            s -> ended.add(s.memberId()));
    private StaffRevocations revocations;

    @BeforeEach
    void setUp() {
        store = SqliteStore.open(tmp, StoreConfig.defaults());
        AuditLog audit = new AuditLog(store.audit(), clock);
        accounts = new AccountService(store.accounts(), store.tokens(),
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS), audit, clock);
        tokens = new TokenService(accounts, store.tokens(), audit, LoginConfig.defaults(), clock);
        accounts.create("zoe", Role.MODERATOR, PW);
        accounts.create("amir", Role.ADMIN, "amir's password");
        revocations = new StaffRevocations(sessions, tokens, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Session signedIn(String name, String password, Role role) {
        String token = assertInstanceOf(LoginResult.Success.class, tokens.login(name, password, null)).token();
        Connection c = new Connection(new EmbeddedChannel(), ProtocolCodec.shared(), new Metrics(), null,
                new Connection.Limits(60, 20, 5), 0);
        return sessions.create(c, role, name, TokenService.digest(token), null, null, null, 0).session();
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndNoOneElses() {
        Session zoe = signedIn("zoe", PW, Role.MODERATOR);
        Session zoeAgain = signedIn("zoe", PW, Role.MODERATOR);
        Session amir = signedIn("amir", "amir's password", Role.ADMIN);
        Connection member = new Connection(new EmbeddedChannel(), ProtocolCodec.shared(), new Metrics(), null,
                new Connection.Limits(60, 20, 5), 0);
        Session someone = sessions.create(member, Role.MEMBER, null, null, null, null, 0).session();
        assertEquals(0, revocations.check());
        assertTrue(revocations.stillStaff(zoe));

        accounts.disable("zoe");
        assertEquals(2, revocations.check());
        assertTrue(zoe.isExpired() && zoeAgain.isExpired());
        assertFalse(amir.isExpired());
        assertFalse(someone.isExpired());
        assertEquals(java.util.Set.of(zoe.memberId(), zoeAgain.memberId()), java.util.Set.copyOf(ended));
        assertEquals(0, revocations.check(), "nothing left to end");
    }

    @Test
    void aRevokedOrExpiredLoginTokenEndsTheSessionBehindIt() {
        String token = assertInstanceOf(LoginResult.Success.class, tokens.login("amir", "amir's password", null))
                .token();
        Connection c = new Connection(new EmbeddedChannel(), ProtocolCodec.shared(), new Metrics(), null,
                new Connection.Limits(60, 20, 5), 0);
        Session loggedOut = sessions.create(c, Role.ADMIN, "amir", TokenService.digest(token), null, null, null, 0)
                .session();
        Session other = signedIn("amir", "amir's password", Role.ADMIN);
        assertTrue(tokens.revoke(token));
        assertEquals(1, revocations.check());
        assertTrue(loggedOut.isExpired());
        assertFalse(other.isExpired());

        clock.advance(LoginConfig.defaults().tokenTtl().plusSeconds(1));
        assertEquals(1, revocations.check(), "an expired sign-in ends too");
        assertTrue(other.isExpired());
    }

    @Test
    void aSessionWhoseRoleNoLongerMatchesItsAccountEnds() {
        Session claimsAdmin = signedIn("zoe", PW, Role.ADMIN); // zoe's account is a moderator
        assertFalse(revocations.stillStaff(claimsAdmin));
        assertEquals(1, revocations.check());
    }
}
