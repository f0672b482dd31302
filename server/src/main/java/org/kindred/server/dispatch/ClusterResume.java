package org.kindred.server.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.Limits;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.Features;
import org.kindred.server.session.ParkedSessions;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.transport.Connection;

/**
 * A member's {@code hello} with {@code resume} in a cluster, where the session may be held by
 * this node or recorded by another ({@link ParkedSessions}: dropped there, or still connected to
 * a node that died or has not noticed the drop yet). Whoever takes the record resumes it, so one
 * node at most does: this node's own session resumes here only once it took its record back
 * (else another node has it, and the copy here ends quietly); a session recorded elsewhere is
 * adopted here: seated again in its rooms without a presence event, handed the messages it
 * missed, then {@code welcome} with {@code recovered}, and the other nodes are told, so the one
 * that held it closes its copy. With Redis unreachable a session held here resumes here.
 * Nothing here waits: the event loop gets the outcome.
 */
final class ClusterResume {
    /** What a resume token leads to. */
    record Outcome(boolean here, ParkedSessions.Claim elsewhere) {
        static final Outcome HERE = new Outcome(true, null);
        static final Outcome NEW = new Outcome(false, null);
    }

    private final SessionRegistry sessions;
    private final RoomRegistry rooms;

    ClusterResume(SessionRegistry sessions, RoomRegistry rooms) {
        this.sessions = sessions;
        this.rooms = rooms;
    }

    /** Whether resumes must ask the cluster (sessions are parked). */
    boolean active() {
        return sessions.shared() != null;
    }

    /**
     * Where {@code token}'s session resumes: here (the normal path), from another node (its
     * record taken, so no other node can), or nowhere (a new session).
     */
    CompletionStage<Outcome> locate(String token) {
        ParkedSessions parked = sessions.shared();
        Optional<Session> local = sessions.peek(token);
        if (local.isPresent()) {
            Session s = local.get();
            return parked.take(token).handle((claim, err) -> {
                if (err != null || !claim.takenElsewhere()) {
                    return Outcome.HERE; // ours again (Redis unreachable, or it lost the record: nowhere else)
                }
                sessions.end(s); // taken by another node: this copy goes quietly (its seats are held there)
                return Outcome.NEW;
            });
        }
        return parked.take(token).handle((claim, err) -> err == null && claim.parked() != null
                ? new Outcome(false, claim) : Outcome.NEW);
    }

    /**
     * Adopts {@code claim}'s record for connection {@code c} (event loop): {@code prepare} sets the
     * new session up first (allowances, check-ins), {@code admitted} decides whether it may come
     * back (bans); then the member is seated in its rooms on their threads, what its old node kept
     * for it meanwhile is asked for, and, back on {@code c}'s loop, the events kept for it are put
     * among the messages it missed, {@code welcome} with {@code recovered} is replied and all of
     * it replayed. A staff record's sign-in is checked by the caller first.
     */
    void adopt(Connection c, ClientMessage.Hello hello, ParkedSessions.Claim claim, Limits limits,
            Consumer<Session> prepare, BiPredicate<Connection, Session> admitted,
            BiConsumer<Connection, Session> resumed) {
        ParkedSessions.Parked p = claim.parked();
        SessionRegistry.Created created = sessions.adopt(p, claim.credential(), c.fingerprint());
        Session s = created.session();
        prepare.accept(s);
        HelloHandler.speak(c, s, hello); // the language of this hello, as on the node that held it
        if (!admitted.test(c, s)) {
            sessions.end(s);
            return;
        }
        List<CompletableFuture<Boolean>> seated = new ArrayList<>();
        List<Room> joined = new ArrayList<>();
        for (Map.Entry<String, ParkedSessions.ParkedRoom> e : p.rooms().entrySet()) {
            Room r = rooms.get(e.getKey());
            if (r == null || rooms.isPrivate(e.getKey())) {
                seated.add(CompletableFuture.completedFuture(false)); // a private room lives on its node
                continue;
            }
            joined.add(r);
            seated.add(r.adopt(s, e.getValue().nick(), e.getValue().seq()).exceptionally(err -> false));
        }
        c.helloPending(true);
        CompletableFuture.allOf(seated.toArray(CompletableFuture[]::new))
                .thenCompose(x -> sessions.shared().keptSince(hello.resume())) // kept after the take, if any
                .whenComplete((late, err) -> c.writer().execute(() -> {
                    c.helloPending(false);
                    if (!c.isOpen()) {
                        sessions.end(s);
                        return;
                    }
                    boolean recovered = seated.stream().allMatch(f -> f.getNow(false));
                    s.mergeMissed(claim.kept(), false);
                    s.mergeMissed(late == null ? List.of() : late, true); // this copy may have had them too
                    c.attach(s);
                    if (!sessions.attach(s, c, () -> c.send(new ServerMessage.Welcome(hello.id(),
                            ServerMessage.VERSION, created.token(), new MemberInfo(s.memberId(), null, s.role()),
                            limits, Features.CLUSTER, recovered)))) { // a ban's sweep ended it after the check
                        c.attach(null);
                        HelloHandler.refusedAfterCheck(c, hello.id(), admitted.test(c, s));
                        return;
                    }
                    for (Room r : joined) {
                        r.attached(s);
                    }
                    sessions.shared().adopted(s.memberId()); // the node that held it closes its copy
                    resumed.accept(c, s);
                }));
    }
}
