package org.kindred.server.session;

import java.util.List;
import java.util.Set;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.transport.Connection;
import org.kindred.server.transport.Outbound;
import org.kindred.server.transport.SharedFrame;

/**
 * A member's session: outlives its connection for the resume window, so a member who drops and
 * comes back keeps its id, nick and rooms. While detached, room events for it are kept in a
 * small bounded buffer and replayed, in order, when it resumes (that line to the member is
 * {@link SessionLine}'s part; its changes hold this session's lock, which {@link SessionRegistry}
 * and {@link ParkedSessions} hold too to order their writes with them).
 */
public final class Session {
    private final String memberId;
    /** The resume token's hash and, for staff, the login digest and its seal. */
    private final SessionKeys keys;
    /** Reports and reactions this member may still give. */
    private final Allowances allowances = new Allowances();
    private final Role role;
    private final String moderatorName;
    /** The language tag of the session's latest {@code hello} that gave one; may be null. */
    private volatile String locale;
    private final String region;
    private final String fingerprint;
    private final String pseudonym;
    private final long createdAt;
    /** The rooms the member is in and its nickname in each. */
    private final Memberships rooms = new Memberships(this);
    /** The connection, the events kept while it is away and the {@code seq}s sent. */
    private final SessionLine line;

    public Session(String memberId, String tokenHash, Role role, String moderatorName, String locale,
            String region, String fingerprint, long createdAt, int missedLimit, Connection connection) {
        this.memberId = memberId;
        this.keys = new SessionKeys(tokenHash);
        this.role = role;
        this.moderatorName = moderatorName;
        this.locale = locale;
        this.region = region;
        this.fingerprint = fingerprint;
        this.pseudonym = Pseudonyms.next();
        this.createdAt = createdAt;
        this.line = new SessionLine(this, missedLimit, connection);
    }

    public String memberId() {
        return memberId;
    }

    String tokenHash() {
        return keys.tokenHash();
    }

    /** The resume token's hash and the staff login digest (the registry sets and rotates them). */
    SessionKeys keys() {
        return keys;
    }

    /**
     * Staff sessions: the digest of the login token they signed in with (the revocation check
     * looks it up); null for members.
     */
    public String credential() {
        return keys.credential();
    }

    /**
     * When the connection dropped, as a {@link System#nanoTime()} reading (for ordering only);
     * meaningful only while {@link #isDetached()}.
     */
    public long detachedAt() {
        return line.detachedAt();
    }

    /** True while no connection is attached (dropped, within the resume window). */
    public boolean isDetached() {
        return line.connection() == null;
    }

    /**
     * Sets this member's report allowance: {@code burst} reports at once, refilled at
     * {@code perSecond}. Called once, when the session is created.
     */
    public void reportLimit(int burst, double perSecond) {
        allowances.reportLimit(burst, perSecond);
    }

    /**
     * Takes one report from the member's allowance and returns 0, or returns how many ms until
     * the member may report again ({@code now} in epoch ms). Thread-safe.
     */
    public long reportWait(long now) {
        return allowances.reportWait(now);
    }

    /** The member's report and reaction allowances (carried by a resume on another node too). */
    public Allowances allowances() {
        return allowances;
    }

    public Role role() {
        return role;
    }

    /** The moderator account behind this session, or null for members. */
    public String moderatorName() {
        return moderatorName;
    }

    /**
     * The session's language as a BCP 47 tag ({@code hello.locale}), or null when none was given: the
     * language of the sentences the server writes for this person (see {@code ServerText#language}).
     */
    public String locale() {
        return locale;
    }

    /**
     * A resuming {@code hello} named {@code locale} (a BCP 47 tag, already checked): what the server
     * writes for this person from now on (errors, notices, crisis card, check-ins) is in its language.
     */
    public void locale(String locale) {
        this.locale = locale;
    }

    public String region() {
        return region;
    }

    /** Keyed hash of the network address (never the address itself); may be null. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The server-chosen nickname used when the member gives none. */
    public String pseudonym() {
        return pseudonym;
    }

    public long createdAt() {
        return createdAt;
    }

    /** Rooms the member is in (updated by the rooms' own threads). */
    public Set<String> rooms() {
        return rooms.ids();
    }

    /** The room's thread records that the member joined {@code room} as {@code nick}. */
    public void joined(String room, String nick) {
        rooms.joined(room, nick);
    }

    /** Runs {@code listener} (any thread, quick) after every later change of the member's rooms. */
    public void onRoomsChanged(java.util.function.Consumer<Session> listener) {
        rooms.onChange(listener);
    }

    /** The room's thread records that the member left {@code room}. */
    public void left(String room) {
        rooms.left(room);
    }

    /** The member's nickname in {@code room}, or null when it is not there. Any thread. */
    public String nickIn(String room) {
        return rooms.nickIn(room);
    }

    public MemberInfo info(String nick) {
        return new MemberInfo(memberId, nick, role);
    }

    /** Where this member's messages go now, or null while detached. */
    public Outbound connection() {
        return line.connection();
    }

    /** The transport connection itself (registry use: attach and release). */
    Connection attachedConnection() {
        return line.connection();
    }

    public boolean isExpired() {
        return line.isExpired();
    }

    /**
     * Delivers a room event. Hot path: one volatile read when attached. {@code encoded} is the
     * shared buffer (not consumed); {@code message} is kept only if the member is detached.
     */
    public void deliver(SharedFrame encoded, ServerMessage message) {
        line.deliver(encoded, message);
    }

    /**
     * {@code room}'s messages up to {@code seq} were replayed to this session (resumed from
     * another node): copies of them arriving live afterwards are dropped, so each comes once.
     */
    public void replayed(String room, long seq) {
        line.marks().replayed(room, seq);
    }

    /**
     * The {@code seq} of the last message of {@code room} sent to the member's connection (0 if
     * none): where a resume on another node picks up.
     */
    public long sentSeq(String room) {
        return line.marks().sentSeq(room);
    }

    /** The member was sent {@code room}'s messages up to {@code seq} otherwise (the history of its {@code joined}). */
    public void sentUpTo(String room, long seq) {
        line.marks().sentUpTo(room, seq);
    }

    /** Sends one message to the member now, or keeps it for the resume if detached. */
    public void deliver(ServerMessage message) {
        line.deliver(message);
    }

    /**
     * Runs {@code hook} (under the session's lock: quick, never waiting) with each event kept for
     * the resume after a drop that another node may need: not messages (the rooms' histories hold
     * them), typing or check-ins (recorded otherwise).
     */
    public void onKeptWhileAway(java.util.function.BiConsumer<Session, KeptEvent> hook) {
        line.onKeptWhileAway(hook);
    }

    /**
     * Adds what another node's copy of this session kept while it was away ({@code kept}, oldest
     * first) to what this copy keeps for its attach: each after the messages of its room it came
     * after. With {@code skipKnown}, an event this copy kept too is not added twice.
     */
    public void mergeMissed(List<KeptEvent> kept, boolean skipKnown) {
        line.mergeMissed(kept, skipKnown);
    }

    /** Marks the session detached if {@code c} is still its connection; returns whether it was. */
    boolean detach(Connection c) {
        return line.detach(c);
    }

    /**
     * Attaches a new connection: first replays what was missed, then publishes the connection,
     * so every later event goes after the replay. Returns the previous connection, if any.
     */
    Connection attach(Connection c) {
        return line.attach(c);
    }

    /** Ends the session unless {@code force} is false and a connection attached meanwhile. */
    boolean markExpired(boolean force) {
        return line.markExpired(force);
    }
}
