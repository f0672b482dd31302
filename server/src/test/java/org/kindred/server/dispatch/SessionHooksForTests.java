package org.kindred.server.dispatch;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.kindred.protocol.ClientMessage;
import org.kindred.server.session.Principal;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Outbound;

/** Session hooks of a server without staff sign-in or bans: everyone is admitted. */
final class SessionHooksForTests implements SessionHooks {
    @Override
    public void helpWithoutSession(Outbound c, ClientMessage.Help help, String region, String locale) {
        throw new UnsupportedOperationException("not in these tests");
    }

    @Override
    public CompletionStage<Optional<Principal>> authenticate(String token) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public String credential(String loginToken) {
        return null;
    }

    @Override
    public CompletionStage<Boolean> stillStaff(Session s) {
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public void revoked(Session s) {
    }

    @Override
    public boolean admitted(Outbound c, Session s, String reqId) {
        return true;
    }

    @Override
    public boolean mayJoin(Outbound c, Session s, String reqId) {
        return true;
    }

    @Override
    public void closed(Outbound c) {
    }
}
