package org.kindred.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.EscalationStatus;
import org.kindred.protocol.ReportReason;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;
import org.kindred.protocol.Role;

/**
 * The behaviour every {@link Store} implementation must have. An implementation's test
 * extends this class and says how to open (and reopen) a store on the same durable data.
 */
public abstract class StoreContractTest {
    protected static final long T0 = 1_700_000_000_000L;
    protected static final long DAY = Duration.ofDays(1).toMillis();
    protected static final StoreConfig CONFIG = new StoreConfig(Duration.ofDays(30),
            Duration.ofDays(20), Duration.ofDays(10), Duration.ofDays(365));

    protected Store store;

    /** A store on fresh, empty data. Called once per test. */
    protected abstract Store openFresh(StoreConfig config);

    /** A new store instance on the same data as the last {@link #openFresh}. */
    protected abstract Store reopen(StoreConfig config);

    @BeforeEach
    void setUp() {
        store = openFresh(CONFIG);
    }

    @AfterEach
    void tearDown() {
        if (store != null) { // null when opening was skipped
            store.close();
        }
    }

    private Store reopenAfterClose() {
        store.close();
        store = reopen(CONFIG);
        return store;
    }

    private static ModeratorAccount account(String name) {
        return new ModeratorAccount(name, Role.MODERATOR, "hash-of-" + name, false, T0);
    }

    // ---- accounts ----

    @Test
    void accountsAreAddedOnceFoundAndListedByName() {
        AccountStore a = store.accounts();
        assertTrue(a.insertIfAbsent(account("zoe")));
        assertTrue(a.insertIfAbsent(new ModeratorAccount("amir", Role.ADMIN, "h", false, T0 + 1)));
        assertFalse(a.insertIfAbsent(account("zoe")), "a second account of the same name");
        assertEquals(List.of("amir", "zoe"), a.list().stream().map(ModeratorAccount::name).toList());
        ModeratorAccount amir = a.find("amir").orElseThrow();
        assertEquals(Role.ADMIN, amir.role());
        assertEquals("h", amir.passwordHash());
        assertEquals(T0 + 1, amir.createdAt());
        assertTrue(a.find("nobody").isEmpty());
    }

    @Test
    void accountsCanBeDisabledEnabledAndRehashed() {
        AccountStore a = store.accounts();
        a.insertIfAbsent(account("zoe"));
        assertTrue(a.setDisabled("zoe", true));
        assertTrue(a.find("zoe").orElseThrow().disabled());
        assertTrue(a.setDisabled("zoe", false));
        assertFalse(a.find("zoe").orElseThrow().disabled());
        assertFalse(a.setDisabled("nobody", true));
        assertTrue(a.updatePasswordHash("zoe", "new-hash"));
        assertEquals("new-hash", a.find("zoe").orElseThrow().passwordHash());
        assertFalse(a.updatePasswordHash("nobody", "x"));
    }

    @Test
    void anAccountIsNeverAMember() {
        assertThrows(IllegalArgumentException.class,
                () -> new ModeratorAccount("m", Role.MEMBER, "h", false, T0));
    }

    // ---- tokens ----

    @Test
    void tokensAreFoundByHashAndRevokedOnce() {
        store.accounts().insertIfAbsent(account("zoe"));
        TokenStore t = store.tokens();
        t.insert(new LoginToken("h1", "zoe", T0, T0 + 1000, null));
        LoginToken found = t.findByHash("h1").orElseThrow();
        assertEquals("zoe", found.account());
        assertTrue(found.isValidAt(T0 + 999));
        assertFalse(found.isValidAt(T0 + 1000), "expired at its expiry time");
        assertTrue(t.revoke("h1", T0 + 5));
        assertFalse(t.revoke("h1", T0 + 6), "already revoked");
        LoginToken revoked = t.findByHash("h1").orElseThrow();
        assertEquals(T0 + 5, revoked.revokedAt());
        assertFalse(revoked.isValidAt(T0 + 10));
        assertFalse(t.revoke("unknown", T0));
        assertTrue(t.findByHash("unknown").isEmpty());
    }

    @Test
    void allTokensOfAnAccountCanBeRevoked() {
        store.accounts().insertIfAbsent(account("zoe"));
        store.accounts().insertIfAbsent(account("amir"));
        TokenStore t = store.tokens();
        t.insert(new LoginToken("z1", "zoe", T0, T0 + DAY, null));
        t.insert(new LoginToken("z2", "zoe", T0, T0 + DAY, null));
        t.insert(new LoginToken("a1", "amir", T0, T0 + DAY, null));
        assertEquals(2, t.revokeAllFor("zoe", T0 + 1));
        assertEquals(0, t.revokeAllFor("zoe", T0 + 2));
        assertFalse(t.findByHash("z2").orElseThrow().isValidAt(T0 + 3));
        assertTrue(t.findByHash("a1").orElseThrow().isValidAt(T0 + 3));
    }

    @Test
    void aTokenNeedsAnExistingAccount() {
        StoreException e = assertThrows(StoreException.class,
                () -> store.tokens().insert(new LoginToken("h-secret-digest", "ghost-name", T0, T0 + 1, null)));
        assertFalse(e.getMessage().contains("ghost-name") || e.getMessage().contains("h-secret-digest"),
                "messages never contain stored values: " + e.getMessage());
    }

    // ---- bans ----

    @Test
    void aBanIsFoundByMemberOrByFingerprintUntilItExpires() {
        BanStore b = store.bans();
        Ban ban = b.add(new NewBan("m1", "fp1", "threats", "zoe", T0, T0 + 1000));
        assertEquals(ban, b.find(ban.id()).orElseThrow());
        assertEquals(ban.id(), b.activeFor("m1", null, T0 + 1).orElseThrow().id());
        assertEquals(ban.id(), b.activeFor(null, "fp1", T0 + 1).orElseThrow().id());
        assertEquals(ban.id(), b.activeFor("other-member", "fp1", T0 + 1).orElseThrow().id(),
                "a new session from the same network fingerprint");
        assertTrue(b.activeFor("other", "fp2", T0 + 1).isEmpty());
        assertTrue(b.activeFor(null, null, T0 + 1).isEmpty());
        assertTrue(b.activeFor("m1", "fp1", T0 + 999).isPresent());
        assertTrue(b.activeFor("m1", "fp1", T0 + 1000).isEmpty(), "ended at its expiry time");
    }

    @Test
    void aPermanentBanNeverExpiresAndIsPreferred() {
        BanStore b = store.bans();
        Ban temp = b.add(new NewBan("m1", null, "spam", "zoe", T0, T0 + DAY));
        Ban perm = b.add(new NewBan(null, "fp1", "threats", "amir", T0 + 1, null));
        assertTrue(perm.isPermanent());
        assertEquals(perm.id(), b.activeFor("m1", "fp1", T0 + 2).orElseThrow().id());
        assertEquals(temp.id(), b.activeFor("m1", null, T0 + 2).orElseThrow().id());
        assertTrue(b.activeFor(null, "fp1", T0 + 1000 * DAY).isPresent());
        assertNotEquals(temp.id(), perm.id());
    }

    @Test
    void aLiftedBanNoLongerApplies() {
        BanStore b = store.bans();
        Ban ban = b.add(new NewBan("m1", "fp1", "threats", "zoe", T0, null));
        assertTrue(b.lift(ban.id(), "amir", T0 + 10));
        assertFalse(b.lift(ban.id(), "amir", T0 + 11), "already lifted");
        assertTrue(b.activeFor("m1", "fp1", T0 + 12).isEmpty());
        Ban lifted = b.find(ban.id()).orElseThrow();
        assertEquals(T0 + 10, lifted.liftedAt());
        assertEquals("amir", lifted.liftedBy());
        assertFalse(b.lift("ban_unknown", "amir", T0));
        Ban expired = b.add(new NewBan("m2", null, "spam", "zoe", T0, T0 + 5));
        assertFalse(b.lift(expired.id(), "amir", T0 + 6), "an expired ban is not in force");
    }

    @Test
    void activeBansAreListed() {
        BanStore b = store.bans();
        Ban first = b.add(new NewBan("m1", null, "r", "zoe", T0, null));
        b.add(new NewBan("m2", null, "r", "zoe", T0 + 1, T0 + 10));
        Ban third = b.add(new NewBan("m3", "fp3", "r", "zoe", T0 + 2, T0 + 100));
        Ban lifted = b.add(new NewBan("m4", null, "r", "zoe", T0 + 3, null));
        b.lift(lifted.id(), "zoe", T0 + 4);
        assertEquals(List.of(first.id(), third.id()),
                b.listActive(T0 + 50).stream().map(Ban::id).toList());
    }

    @Test
    void aBanMustEndAfterItStartsAndNameSomeone() {
        assertThrows(IllegalArgumentException.class, () -> new NewBan("m", null, "r", "z", T0, T0));
        assertThrows(IllegalArgumentException.class, () -> new NewBan(null, null, "r", "z", T0, null));
    }

    // ---- mutes ----

    @Test
    void muteIsInForceUntilItEndsAndCanBeReplacedOrRemoved() {
        MuteStore m = store.mutes();
        m.put(new Mute("lobby", "m1", T0 + 100, "zoe", "flooding", T0));
        assertEquals("flooding", m.active("lobby", "m1", T0 + 99).orElseThrow().reason());
        assertTrue(m.active("lobby", "m1", T0 + 100).isEmpty());
        assertTrue(m.active("other-room", "m1", T0 + 1).isEmpty());
        m.put(new Mute("lobby", "m1", T0 + 500, "amir", null, T0 + 50));
        Mute replaced = m.active("lobby", "m1", T0 + 200).orElseThrow();
        assertEquals("amir", replaced.mutedBy());
        assertEquals(1, m.listActive(T0 + 60).size());
        assertTrue(m.remove("lobby", "m1"));
        assertFalse(m.remove("lobby", "m1"));
        assertTrue(m.active("lobby", "m1", T0 + 60).isEmpty());
    }

    @Test
    void activeMutesAreListed() {
        MuteStore m = store.mutes();
        m.put(new Mute("a", "m1", T0 + 100, "zoe", null, T0));
        m.put(new Mute("b", "m1", T0 + 10, "zoe", null, T0 + 1));
        m.put(new Mute("c", "m2", T0 + 100, "zoe", null, T0 + 2));
        assertEquals(List.of("a", "c"), m.listActive(T0 + 50).stream().map(Mute::room).toList());
    }

    // ---- reports ----

    @Test
    void reportsAreOpenOldestFirstUntilClosed() {
        ReportStore r = store.reports();
        Report late = r.add(new NewReport("lobby", "msg2", "m9", "m2", ReportReason.SPAM, null,
                "buy now", T0 + 10));
        Report early = r.add(new NewReport("lobby", "msg1", "m9", "m1", ReportReason.HARASSMENT,
                "keeps at it", "you are awful", T0));
        assertEquals(List.of(early.id(), late.id()), r.listOpen().stream().map(Report::id).toList());
        Report found = r.find(early.id()).orElseThrow();
        assertEquals(early, found);
        assertEquals("you are awful", found.excerpt());
        assertEquals(ReportStatus.OPEN, found.status());
        assertTrue(r.close(early.id(), "zoe", T0 + 20));
        assertFalse(r.close(early.id(), "zoe", T0 + 21));
        assertEquals(List.of(late.id()), r.listOpen().stream().map(Report::id).toList());
        Report closed = r.find(early.id()).orElseThrow();
        assertEquals(ReportStatus.CLOSED, closed.status());
        assertEquals("zoe", closed.closedBy());
        assertEquals(T0 + 20, closed.closedAt());
    }

    @Test
    void aReportKeepsOnlyAnExcerpt() {
        String whole = "x".repeat(Excerpt.MAX_CODE_POINTS + 1);
        assertThrows(IllegalArgumentException.class, () -> new NewReport("lobby", "msg", "m9",
                "m1", ReportReason.OTHER, null, whole, T0));
        String excerpt = Excerpt.of(whole);
        assertEquals(Excerpt.MAX_CODE_POINTS, excerpt.codePointCount(0, excerpt.length()));
        assertTrue(excerpt.endsWith("\u2026"));
        assertEquals("a b", Excerpt.of("  a \n\t b "));
    }

    // ---- escalations ----

    @Test
    void anEscalationIsClaimedOnceThenResolved() {
        EscalationStore e = store.escalations();
        Escalation esc = e.add(new NewEscalation("lobby", "m1", RiskLevel.IMMINENT,
                EscalationSource.KEYWORD, "an excerpt", T0));
        assertEquals(EscalationStatus.OPEN, esc.status());
        assertEquals(esc, e.find(esc.id()).orElseThrow());
        assertTrue(e.claim(esc.id(), "zoe", T0 + 5));
        assertFalse(e.claim(esc.id(), "amir", T0 + 6), "already claimed");
        Escalation claimed = e.find(esc.id()).orElseThrow();
        assertEquals(EscalationStatus.CLAIMED, claimed.status());
        assertEquals("zoe", claimed.claimedBy());
        assertEquals(T0 + 5, claimed.claimedAt());
        assertTrue(e.resolve(esc.id(), "zoe", ResolveOutcome.HANDED_OFF, "called line", T0 + 60));
        assertFalse(e.resolve(esc.id(), "zoe", ResolveOutcome.RESOLVED, null, T0 + 61));
        assertFalse(e.claim(esc.id(), "amir", T0 + 62), "a resolved escalation cannot be claimed");
        Escalation resolved = e.find(esc.id()).orElseThrow();
        assertEquals(EscalationStatus.RESOLVED, resolved.status());
        assertEquals(ResolveOutcome.HANDED_OFF, resolved.outcome());
        assertEquals("called line", resolved.note());
        assertEquals("zoe", resolved.resolvedBy());
        assertEquals(T0 + 60, resolved.resolvedAt());
        assertFalse(e.claim("esc_unknown", "zoe", T0));
    }

    @Test
    void unresolvedEscalationsAreListedOldestFirst() {
        EscalationStore e = store.escalations();
        Escalation b = e.add(new NewEscalation(null, "m2", RiskLevel.HIGH, EscalationSource.HELP,
                null, T0 + 2));
        Escalation a = e.add(new NewEscalation("lobby", "m1", RiskLevel.HIGH,
                EscalationSource.REPORT, "x", T0 + 1));
        Escalation c = e.add(new NewEscalation("lobby", "m3", RiskLevel.HIGH,
                EscalationSource.KEYWORD, "y", T0 + 3));
        e.claim(b.id(), "zoe", T0 + 4);
        e.resolve(c.id(), "zoe", ResolveOutcome.FALSE_ALARM, null, T0 + 5);
        assertEquals(List.of(a.id(), b.id()),
                e.listUnresolved().stream().map(Escalation::id).toList());
        assertNull(e.find(b.id()).orElseThrow().room());
    }

    @Test
    void anOpenEscalationCanBeResolvedWithoutAClaim() {
        EscalationStore e = store.escalations();
        Escalation esc = e.add(new NewEscalation("lobby", "m1", RiskLevel.HIGH,
                EscalationSource.KEYWORD, null, T0));
        assertTrue(e.resolve(esc.id(), "amir", ResolveOutcome.FALSE_ALARM, null, T0 + 1));
        assertNull(e.find(esc.id()).orElseThrow().claimedBy());
    }

    // ---- held messages ----

    @Test
    void aHeldMessageIsDecidedOnceAndItsTextErased() {
        HeldStore h = store.held();
        h.add(HeldMessage.pending("msg1", "lobby", "m1", "the held text", List.of("contact", "spam"), T0));
        HeldMessage pending = h.find("msg1").orElseThrow();
        assertEquals("the held text", pending.text());
        assertEquals(List.of("contact", "spam"), pending.categories());
        HeldMessage decided = h.decide("msg1", HeldStatus.APPROVED, "zoe", T0 + 9).orElseThrow();
        assertEquals("the held text", decided.text(), "the decider gets the text to deliver");
        assertEquals(HeldStatus.APPROVED, decided.status());
        assertTrue(h.decide("msg1", HeldStatus.REJECTED, "amir", T0 + 10).isEmpty());
        HeldMessage stored = h.find("msg1").orElseThrow();
        assertNull(stored.text(), "text is erased once decided");
        assertEquals(HeldStatus.APPROVED, stored.status());
        assertEquals("zoe", stored.decidedBy());
        assertEquals(T0 + 9, stored.decidedAt());
        assertFalse(stored.toString().contains("held text"));
        assertThrows(IllegalArgumentException.class,
                () -> h.decide("msg1", HeldStatus.PENDING, "zoe", T0));
    }

    @Test
    void aHeldMessageKeepsHowItsWriterAppearedUntilDecided() {
        HeldStore h = store.held();
        h.add(HeldMessage.pending("msg1", "lobby", "m1", "Ann", org.kindred.protocol.Role.SUPPORTER, "t",
                List.of("link"), T0));
        h.add(HeldMessage.pending("msg2", "lobby", "m2", "t", List.of("link"), T0 + 1));
        HeldMessage pending = h.find("msg1").orElseThrow();
        assertEquals("Ann", pending.writerNick());
        assertEquals(org.kindred.protocol.Role.SUPPORTER, pending.writerRole());
        assertEquals(List.of("Ann"), h.listPending().stream().map(HeldMessage::writerNick).limit(1).toList());
        assertNull(h.find("msg2").orElseThrow().writerNick(), "not known");
        assertFalse(pending.toString().contains("Ann"), "the nickname is never printed");
        HeldMessage decided = h.decide("msg1", HeldStatus.APPROVED, "zoe", T0 + 9).orElseThrow();
        assertEquals("Ann", decided.writerNick(), "the decider gets the nickname to deliver under");
        assertEquals(org.kindred.protocol.Role.SUPPORTER, decided.writerRole());
        HeldMessage stored = h.find("msg1").orElseThrow();
        assertNull(stored.writerNick(), "erased once decided, like the text");
        assertNull(stored.writerRole());
    }

    @Test
    void pendingHeldMessagesAreListedOldestFirst() {
        HeldStore h = store.held();
        h.add(HeldMessage.pending("b", "lobby", "m1", "t", List.of(), T0 + 2));
        h.add(HeldMessage.pending("a", "lobby", "m1", "t", List.of("x"), T0 + 1));
        h.add(HeldMessage.pending("c", "lobby", "m1", "t", List.of(), T0 + 3));
        h.decide("c", HeldStatus.REJECTED, "zoe", T0 + 4);
        assertEquals(List.of("a", "b"), h.listPending().stream().map(HeldMessage::msgId).toList());
        assertEquals(List.of(), h.find("b").orElseThrow().categories());
    }

    // ---- audit ----

    @Test
    void theAuditLogAppendsInOrder() {
        AuditStore a = store.audit();
        AuditEntry first = a.append(AuditEntry.of(T0, "zoe", "ban", "m1", null, "threats"));
        AuditEntry second = a.append(AuditEntry.of(T0 + 1, "system", "hold", "m2", "lobby", "contact"));
        AuditEntry third = a.append(AuditEntry.of(T0 + 2, "amir", "unban", "m1", null, null));
        assertTrue(first.id() < second.id() && second.id() < third.id());
        assertEquals(List.of(third, second, first), a.recent(10));
        assertEquals(List.of(third), a.recent(1));
        assertEquals(List.of(third, first), a.forTarget("m1", 10));
    }

    @Test
    void anAuditReasonIsBounded() {
        AuditEntry e = store.audit().append(AuditEntry.of(T0, "zoe", "ban", "m1", null,
                "r".repeat(AuditEntry.MAX_REASON + 50)));
        assertEquals(AuditEntry.MAX_REASON, store.audit().recent(1).get(0).reason().length());
        assertEquals(AuditEntry.MAX_REASON, e.reason().length());
    }

    // ---- retention ----

    @Test
    void purgeRemovesWhatOutlivedItsRetention() {
        long now = T0 + 400 * DAY;
        store.accounts().insertIfAbsent(account("zoe"));
        Report oldReport = store.reports().add(new NewReport("r", "old", "m9", "m1",
                ReportReason.SPAM, null, "old excerpt", now - 30 * DAY - 1));
        Report newReport = store.reports().add(new NewReport("r", "new", "m9", "m1",
                ReportReason.SPAM, null, "new excerpt", now - 30 * DAY));
        Escalation oldEsc = store.escalations().add(new NewEscalation("r", "m1", RiskLevel.HIGH,
                EscalationSource.KEYWORD, "x", now - 20 * DAY - 1));
        Escalation newEsc = store.escalations().add(new NewEscalation("r", "m1", RiskLevel.HIGH,
                EscalationSource.KEYWORD, "x", now - 20 * DAY));
        store.held().add(HeldMessage.pending("oldHeld", "r", "m1", "t", List.of(), now - 10 * DAY - 1));
        store.held().add(HeldMessage.pending("newHeld", "r", "m1", "t", List.of(), now - 10 * DAY));
        AuditEntry oldAudit = store.audit().append(AuditEntry.of(now - 365 * DAY - 1, "zoe", "ban", "a", null, null));
        AuditEntry newAudit = store.audit().append(AuditEntry.of(now - 365 * DAY, "zoe", "ban", "b", null, null));
        store.tokens().insert(new LoginToken("expired", "zoe", now - DAY, now, null));
        store.tokens().insert(new LoginToken("revoked", "zoe", now - DAY, now + DAY, now - 1));
        store.tokens().insert(new LoginToken("valid", "zoe", now - DAY, now + DAY, null));
        store.mutes().put(new Mute("r", "ended", now, "zoe", null, now - DAY));
        store.mutes().put(new Mute("r", "muted", now + 1, "zoe", null, now - DAY));
        Ban longExpired = store.bans().add(new NewBan("m1", null, "r", "zoe", T0, now - 365 * DAY - 1));
        Ban recentlyExpired = store.bans().add(new NewBan("m2", null, "r", "zoe", T0, now - DAY));
        Ban permanent = store.bans().add(new NewBan("m3", null, "r", "zoe", T0, null));
        Ban liftedLongAgo = store.bans().add(new NewBan("m4", null, "r", "zoe", T0, null));
        store.bans().lift(liftedLongAgo.id(), "zoe", T0 + 1);

        PurgeResult result = store.purgeExpired(now);

        assertEquals(new PurgeResult(1, 1, 1, 1, 2, 1, 2), result);
        assertEquals(9, result.total());
        assertTrue(store.reports().find(oldReport.id()).isEmpty());
        assertTrue(store.reports().find(newReport.id()).isPresent());
        assertTrue(store.escalations().find(oldEsc.id()).isEmpty());
        assertTrue(store.escalations().find(newEsc.id()).isPresent());
        assertTrue(store.held().find("oldHeld").isEmpty());
        assertTrue(store.held().find("newHeld").isPresent());
        assertEquals(List.of(newAudit), store.audit().recent(10));
        assertNotEquals(oldAudit.id(), newAudit.id());
        assertTrue(store.tokens().findByHash("valid").isPresent());
        assertTrue(store.tokens().findByHash("expired").isEmpty());
        assertTrue(store.tokens().findByHash("revoked").isEmpty());
        assertTrue(store.mutes().active("r", "muted", now).isPresent());
        assertTrue(store.bans().find(longExpired.id()).isEmpty());
        assertTrue(store.bans().find(liftedLongAgo.id()).isEmpty());
        assertTrue(store.bans().find(recentlyExpired.id()).isPresent());
        assertTrue(store.bans().find(permanent.id()).isPresent());
        assertEquals(new PurgeResult(0, 0, 0, 0, 0, 0, 0), store.purgeExpired(now));
    }

    @Test
    void purgeErasesAnUnresolvedEscalationsExcerptToo() {
        Escalation esc = store.escalations().add(new NewEscalation("r", "m1", RiskLevel.IMMINENT,
                EscalationSource.KEYWORD, "x", T0));
        store.purgeExpired(T0 + 21 * DAY);
        assertTrue(store.escalations().find(esc.id()).isEmpty());
        assertTrue(store.escalations().listUnresolved().isEmpty());
    }

    @Test
    void aBanMadeWithoutAFingerprintGetsOneOnceAndThenCoversTheNetwork() {
        Ban b = store.bans().add(new NewBan("m9", null, "threats", "zoe", T0, null));
        assertTrue(store.bans().activeFor(null, "fp_net", T0 + 1).isEmpty());
        assertTrue(store.bans().addFingerprint(b.id(), "fp_net"));
        assertFalse(store.bans().addFingerprint(b.id(), "fp_other"), "only a ban without one");
        assertFalse(store.bans().addFingerprint("ban_unknown", "fp_net"));
        assertEquals(b.id(), store.bans().activeFor(null, "fp_net", T0 + 1).orElseThrow().id());
        assertEquals("fp_net", store.bans().find(b.id()).orElseThrow().fingerprint());
    }

    // ---- paging ----

    @Test
    void aPageDeliveryIsStoredOnceAndMovesFromPendingToFinishedAcrossReopening() {
        PageDelivery d = PageDelivery.pending("esc_1", "unclaimed", "generic:abc", RiskLevel.IMMINENT, "r", T0);
        assertTrue(store.paging().add(d));
        assertFalse(store.paging().add(d), "one delivery per escalation, reason and target");
        assertTrue(store.paging().add(PageDelivery.pending("esc_1", "nobody_watching", "generic:abc",
                RiskLevel.IMMINENT, "r", T0 + 1)));
        assertTrue(store.paging().attempting("esc_1", "unclaimed", "generic:abc", 1, T0 + 500));
        reopenAfterClose();
        PageDelivery pending = store.paging().pending().get(0);
        assertEquals(1, pending.attempts());
        assertEquals(T0 + 500, pending.nextAttemptAt());
        assertTrue(store.paging().finish("esc_1", "unclaimed", "generic:abc", PageDelivery.Status.DELIVERED));
        assertFalse(store.paging().finish("esc_1", "unclaimed", "generic:abc", PageDelivery.Status.FAILED),
                "only a pending delivery finishes");
        assertFalse(store.paging().attempting("esc_1", "unclaimed", "generic:abc", 2, T0 + 900));
        assertFalse(store.paging().add(d), "a finished delivery is never added again");
        assertEquals(List.of("nobody_watching"), store.paging().pending().stream().map(PageDelivery::reason).toList());
        assertEquals(2, store.paging().forEscalation("esc_1").size());
        store.purgeExpired(T0 + 21 * DAY);
        assertTrue(store.paging().forEscalation("esc_1").isEmpty(), "purged with the escalations");
    }

    // ---- durability, concurrency, life cycle ----

    @Test
    void everythingSurvivesReopening() {
        store.accounts().insertIfAbsent(account("zoe"));
        store.tokens().insert(new LoginToken("h", "zoe", T0, T0 + DAY, null));
        Ban ban = store.bans().add(new NewBan("m1", "fp", "r", "zoe", T0, null));
        store.mutes().put(new Mute("lobby", "m1", T0 + DAY, "zoe", null, T0));
        Report report = store.reports().add(new NewReport("lobby", "msg", "m2", "m1",
                ReportReason.SPAM, null, "x", T0));
        Escalation esc = store.escalations().add(new NewEscalation("lobby", "m1", RiskLevel.HIGH,
                EscalationSource.HELP, null, T0));
        store.held().add(HeldMessage.pending("msg9", "lobby", "m1", "t", List.of("c"), T0));
        AuditEntry entry = store.audit().append(AuditEntry.of(T0, "zoe", "ban", "m1", null, "r"));

        Store again = reopenAfterClose();

        assertTrue(again.accounts().find("zoe").isPresent());
        assertTrue(again.tokens().findByHash("h").isPresent());
        assertEquals(ban, again.bans().activeFor(null, "fp", T0 + 1).orElseThrow());
        assertTrue(again.mutes().active("lobby", "m1", T0 + 1).isPresent());
        assertEquals(report, again.reports().find(report.id()).orElseThrow());
        assertEquals(esc, again.escalations().find(esc.id()).orElseThrow());
        assertEquals("t", again.held().find("msg9").orElseThrow().text());
        assertEquals(List.of(entry), again.audit().recent(5));
        AuditEntry next = again.audit().append(AuditEntry.of(T0 + 1, "zoe", "unban", "m1", null, null));
        assertTrue(next.id() > entry.id(), "audit ids keep increasing after a restart");
    }

    @Test
    void concurrentClaimsAndDecisionsHaveOneWinner() throws Exception {
        Escalation esc = store.escalations().add(new NewEscalation("lobby", "m1", RiskLevel.HIGH,
                EscalationSource.KEYWORD, null, T0));
        store.held().add(HeldMessage.pending("msg1", "lobby", "m1", "t", List.of(), T0));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            List<Callable<Boolean>> decisions = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String mod = "mod" + i;
                claims.add(() -> store.escalations().claim(esc.id(), mod, T0 + 1));
                decisions.add(() -> store.held().decide("msg1", HeldStatus.APPROVED, mod, T0 + 1)
                        .isPresent());
            }
            assertEquals(1, countTrue(pool.invokeAll(claims)));
            assertEquals(1, countTrue(pool.invokeAll(decisions)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentAppendsAreAllKept() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String actor = "mod" + i;
                work.add(() -> {
                    for (int j = 0; j < perThread; j++) {
                        store.audit().append(AuditEntry.of(T0 + j, actor, "mute", "m", "r", null));
                    }
                    return true;
                });
            }
            assertEquals(threads, countTrue(pool.invokeAll(work)));
        } finally {
            pool.shutdownNow();
        }
        List<AuditEntry> all = store.audit().recent(1000);
        assertEquals(threads * perThread, all.size());
        assertEquals(threads * perThread, all.stream().map(AuditEntry::id).distinct().count());
    }

    @Test
    void aClosedStoreRefusesWork() {
        assertTrue(store.isHealthy());
        store.close();
        store.close();
        assertFalse(store.isHealthy());
        assertThrows(StoreException.class, () -> store.bans().find("x"));
        store = reopen(CONFIG);
    }

    private static long countTrue(List<Future<Boolean>> results) throws Exception {
        long n = 0;
        for (Future<Boolean> f : results) {
            if (f.get()) {
                n++;
            }
        }
        return n;
    }
}
