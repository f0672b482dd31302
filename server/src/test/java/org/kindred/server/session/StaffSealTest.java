package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.kindred.server.common.Ids;
import org.kindred.server.moderator.TokenService;

/** A staff credential sealed with a resume token opens with that token only, and shows nothing of itself. */
class StaffSealTest {
    @Test
    void opensWithItsTokenOnlyAndHoldsNeitherTheDigestNorTheTokensHash() {
        String credential = TokenService.digest("login-token-of-alex");
        String token = Ids.token();
        String sealed = StaffSeal.seal(credential, token);
        assertEquals(64, sealed.length());
        assertNotEquals(credential, sealed);
        assertFalse(sealed.contains(credential.substring(0, 16)));
        assertEquals(credential, StaffSeal.open(sealed, token));
        assertNotEquals(credential, StaffSeal.open(sealed, Ids.token()), "another token opens nothing useful");
        assertNotEquals(StaffSeal.seal(credential, Ids.token()), sealed, "each token its own seal");
        char flipped = sealed.charAt(0) == '0' ? '1' : '0';
        assertNotEquals(credential, StaffSeal.open(flipped + sealed.substring(1), token), "altered: not it");
    }

    @Test
    void nothingOrAnotherShapeSealsNothing() {
        assertNull(StaffSeal.seal(null, Ids.token()));
        assertNull(StaffSeal.seal("short", Ids.token()));
        assertNull(StaffSeal.open(null, Ids.token()));
        assertNull(StaffSeal.open("zz".repeat(32), Ids.token()));
    }
}
