package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.i18n.ServerText;

/** Every reason the pipeline gives a sender is a catalog sentence, specific to its category, in all four languages. */
class ModerationReasonsLanguageTest {
    private static final List<String> BLOCKING = List.of(Categories.SLUR, Categories.HATE, Categories.HARASSMENT,
            Categories.SELF_HARM_INCITEMENT, Categories.INSULT, Categories.SEXUAL, Categories.THREAT,
            Categories.PROFANITY, Categories.SPAM, Categories.CONTACT, Categories.LINK);

    @Test
    void eachBlockedCategoryHasItsOwnReasonInEachLanguage() {
        Set<String> keys = new HashSet<>();
        for (String category : BLOCKING) {
            Sentence s = Reasons.blocked(category);
            keys.add(s.key());
            for (String lang : ServerText.LANGUAGES) {
                assertTrue(ServerText.get().keys(lang).contains(s.key()), lang + " lacks " + s.key());
                if (!"en".equals(lang)) {
                    assertNotEquals(s.english(), s.text(lang), category + " in " + lang);
                }
            }
        }
        assertEquals(BLOCKING.size() - 1, keys.size(), "slur and hate share one sentence, every other has its own");
        assertEquals("moderation.blocked.other", Reasons.blocked("something new").key());
    }

    @Test
    void refusalsBeforeAnyContentCheckAreSentencesToo() {
        assertEquals("Your message is too long: please keep it to 10 characters (it has 12).",
                Reasons.tooLong(10, 12).english());
        assertEquals("Tu mensaje está vacío. Escribe algo antes de enviarlo.", Reasons.empty().text("es"));
        assertEquals("You're sending messages too quickly. Please wait a second before sending again.",
                Reasons.tooQuick(400).english());
        assertEquals("Du schickst Nachrichten zu schnell. Bitte warte 3 Sekunden, bevor du die nächste sendest.",
                Reasons.tooQuick(2500).text("de"));
    }
}
