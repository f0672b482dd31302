package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginNameTest {

    @Test
    void spacesCaseAndCompatibilityFormsFoldToOneAccount() {
        for (String typed : new String[] {"ada", "ADA", " ada", "Ada\t", "\u00a0ada\u3000", "\uff41\uff44\uff41",
                "\uff21\uff24\uff21"}) {
            assertEquals(Optional.of("ada"), LoginName.account(typed), typed);
        }
    }

    @Test
    void caseFoldingCoversMoreThanAscii() {
        assertEquals("strasse", LoginName.fold("STRA\u00dfE"));
        assertEquals(LoginName.fold("stra\u00dfe"), LoginName.fold("STRASSE"));
    }

    @Test
    void namesNoAccountCanHaveAreEmpty() {
        assertEquals(Optional.empty(), LoginName.account(null));
        assertEquals(Optional.empty(), LoginName.account(""));
        assertEquals(Optional.empty(), LoginName.account("a b"));
        assertEquals(Optional.empty(), LoginName.account("x".repeat(100_000)));
        assertEquals("", LoginName.fold("x".repeat(100_000)));
    }
}
