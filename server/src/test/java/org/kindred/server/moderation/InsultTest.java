package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.protocol.Role;

/**
 * Issue 12: plain insults aimed at a person were delivered silently ("shut up you stupid idiot",
 * "you're such an id1ot"). In a support room they are hidden and the sender gets a private
 * {@code warned} notice (category {@code insult}, docs/moderation.md); self-talk, venting about
 * people who are not there and words about things are delivered unchanged.
 */
class InsultTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "shut up you stupid idiot|shut up you ****** *****",
        "you're such an id1ot|you're such an *****",
        "you idiot|you *****",
        "u r an idiot lol|u r an ***** lol",
        "your an idiot|your an *****",
        "ok whatever moron|ok whatever *****",
        "are you stupid?|are you ******?",
        "you are so dumb lol|you are so **** lol",
        "what an idiot you are|what an ***** you are",
        "shut up, idiot|shut up, *****",
        "eres una tonta|eres una *****",
        "cállate idiota|cállate ******",
        "du bist so ein Idiot|du bist so ein *****",
        "du Trottel|**********",
        "t'es trop bête|t'es trop ****",
        "tu es un crétin|tu es un ******",
    })
    void insultsAimedAtAPersonAreMaskedAndTheSenderIsWarned(String text, String expected) {
        Verdict v = Fixtures.judge(text);
        assertEquals(Outcome.MASK, v.outcome(), text);
        assertEquals(expected, v.text());
        assertEquals(Set.of(Categories.INSULT), v.categories());
        assertFalse(v.alertModerators(), "name-calling alone does not page moderators");
        assertEquals(List.of(Notice.WARNED), v.notices().stream().map(Notice::code).toList(),
                "one private warning, no generic hidden-words notice");
        assertTrue(v.notices().get(0).text().english().contains("kind"), v.notices().get(0).text().english());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "i feel like such an idiot",
        "I'm so stupid, I forgot my appointment again",
        "these idiotic rules make no sense",
        "my boss is a complete moron",
        "thank you, stupid question but how do I mute someone?",
        "you're not stupid for feeling this way",
        "nobody thinks you're an idiot",
        "no one here thinks you are dumb",
        "you made a stupid mistake, it happens",
        "don't call yourself an idiot",
        "are you calling me an idiot?",
        "soy tan idiota a veces",
        "no eres tonta, eres humana",
        "ich bin so dumm manchmal",
        "du bist nicht dumm",
        "je suis trop bête parfois",
        "t'es pas idiote",
        "your stupid rules again lol",
        "it doesn't make you stupid",
    })
    void selfTalkThingsAndDenialsAreDeliveredUnchanged(String text) {
        Verdict v = Fixtures.judge(text);
        assertEquals(Outcome.DELIVER, v.outcome(), text);
        assertEquals(text, v.text());
        assertEquals(List.of(), v.notices());
    }

    @Test
    void roomsDecideWhatAnInsultDoes() {
        ModerationConfig config = ModerationConfig.builder()
                .room("strict", Map.of(Categories.INSULT, Action.BLOCK))
                .room("banter", Map.of(Categories.INSULT, Action.ALLOW)).build();
        StagedPipeline p = StagedPipeline.create(config, null, System::nanoTime);
        Verdict strict = p.evaluate(new MessageContext("strict", "a", Role.MEMBER, null, Fixtures.LONG_AGO,
                Fixtures.NOW, "you idiot"));
        assertEquals(Outcome.BLOCK, strict.outcome());
        assertTrue(strict.reason().english().contains("names"), strict.reason().english());
        Verdict banter = p.evaluate(new MessageContext("banter", "b", Role.MEMBER, null, Fixtures.LONG_AGO,
                Fixtures.NOW, "you idiot"));
        assertEquals(Outcome.DELIVER, banter.outcome());
        assertEquals(List.of(), banter.notices());
    }

    @Test
    void profanityNextToAnInsultKeepsItsOwnNotice() {
        Verdict v = Fixtures.judge("shut the fuck up you idiot");
        assertEquals(Outcome.MASK, v.outcome());
        assertEquals(Set.of(Categories.PROFANITY, Categories.INSULT), v.categories());
        assertEquals(List.of(Notice.MASKED, Notice.WARNED), v.notices().stream().map(Notice::code).toList());
    }

    @Test
    void harassmentStillBlocksAndNicknamesAreNotInsults() {
        assertEquals(Outcome.BLOCK, Fixtures.judge("you are a worthless idiot").outcome());
        assertTrue(Fixtures.pipeline().acceptableNick("Closer"), "an insult word inside a nickname is no insult");
        assertTrue(Fixtures.pipeline().acceptableNick("Dummy Bear"));
    }
}
