package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactStageTest {
    private final ContactStage stage = new ContactStage(ModerationConfig.defaults());

    private Verdict run(String text, java.util.List<String> mentionable) {
        MessageContext ctx = new MessageContext("lobby", "m1", org.kindred.protocol.Role.MEMBER, "fp1",
                Fixtures.LONG_AGO, Fixtures.NOW, text, mentionable);
        Evaluation e = Fixtures.evaluation(ctx, ModerationConfig.defaults());
        stage.apply(e);
        return new VerdictAssembler(new StrikeTracker(3, 600, 600, 100)).assemble(e);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "@Ann thank you, that helped|@Ann thank you, that helped",
        "thanks @ann.|thanks @ann.",
        "@gentle otter 3 same here|@gentle otter 3 same here",
        "@ann_99 is my insta|******* is my insta",
        "@annie are you ok|****** are you ok",
        "@Bo and @jane_doe hi|@Bo and ********* hi",
    })
    void mentionsOfRoomMembersAreNotHandles(String text, String expected) {
        Verdict v = run(text, java.util.List.of("Ann", "bo", "Gentle Otter 3"));
        assertEquals(expected, v.text(), text);
    }

    private Verdict run(String text) {
        Evaluation e = Fixtures.evaluation(text);
        stage.apply(e);
        return new VerdictAssembler(new StrikeTracker(3, 600, 600, 100)).assemble(e);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "call me on 07700 900123 tonight|call me on ************ tonight",
        "my number is +44 20 7946 0958|my number is ****************",
        "(555) 123-4567 anytime|************** anytime",
        "text 555.123.4567|text ************",
        "5 5 5 1 2 3 4 5 6 7 is me|******************* is me",
        "mail jane.doe+x@example.co.uk please|mail ************************ please",
        "jane at gmail dot com|*********************",
        "add me @jane_doe99!|add me ***********!",
        "my snap: coolkid|my snap: *******",
        "insta is jane_doe|insta is ********",
        "add me on snapchat coolkid99|add me on snapchat *********",
        "discord Jane#1234|discord *********",
        "find me at u/throwaway123|find me at **************",
        "SNAPCHAT: Cool_Kid|SNAPCHAT: ********",
        "(dot) first: jo (at) mail (dot) com|(dot) first: **********************",
        "café, snap: coolkid|café, snap: *******",
        "u/throwaway123 is me|************** is me",
    })
    void masksContactDetails(String text, String expected) {
        Verdict v = run(text);
        assertEquals(Outcome.MASK, v.outcome(), text);
        assertEquals(expected, v.text());
        assertTrue(v.categories().contains(Categories.CONTACT));
        assertEquals(Notice.MASKED, v.notices().get(0).code());
        assertTrue(v.notices().get(0).text().english().contains("anonymity"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "please call 988 if you need to talk",
        "Samaritans are on 116 123, day or night",
        "UK: call 111 or 999",
        "text SHOUT to 85258",
        "US: text HOME to 741741",
        "the old lifeline was 1-800-273-8255",
        "in Ireland Pieta is 1800 247 247",
        "Samaritans from abroad: +44 116 123",
        "10 people came to the 7pm meeting",
        "it happened on 12.05.2024 and again 2024-06-01",
        "between 2019 2020 2021 things were hard",
        "I saw it on instagram yesterday",
        "my snap is broken",
        "I've been clean for 365 days",
        "ticket #1234 was closed",
        "room 101, floor 3",
    })
    void leavesCrisisLinesAndEverydayNumbersAlone(String text) {
        Verdict v = run(text);
        assertEquals(Outcome.DELIVER, v.outcome(), text);
        assertEquals(text, v.text());
    }

    /**
     * Issue 12: contact details that got through. Digits spelled out in words (en, es, de, fr, and
     * mixed with digit groups), platform names in leetspeak or short forms with a handle introduced
     * by "its"/"is", and messenger links whose handle was left readable.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "text me five five five two oh three one two three four|text me **********************************************",
        "call five five five, two oh three, one two three four ok|call ************************************************ ok",
        "mi numero es cinco cinco cinco dos tres cuatro uno dos|mi numero es *****************************************",
        "ruf an: fünf fünf fünf zwei null drei eins zwei|ruf an: ***************************************",
        "appelle cinq cinq cinq deux zéro trois un deux|appelle **************************************",
        "it's 555 two oh three 1234 x|it's ********************* x",
        "double five seven, eight nine nine oh one|***************************************** ",
        "add me on snap its jenny|add me on snap its *****",
        "sn4p: jenny|sn4p: *****",
        "add me on sc its jenny.b|add me on sc its *******",
        "my 1nsta is jenny|my 1nsta is *****",
        "hmu on wa: jenny|hmu on wa: *****",
        "add me on kik jennyb|add me on kik ******",
        "t.me/jenny_x|************",
        "msg me https://t.me/jenny_x.|msg me ********************.",
        "join discord.gg/abc123 now|join ***************** now",
        "instagram.com/jenny.x is me|********************* is me",
        "www.wa.me/447700900123|**********************",
    })
    void masksSpelledNumbersLeetPlatformsAndMessengerLinks(String text, String expected) {
        Verdict v = run(text);
        assertEquals(Outcome.MASK, v.outcome(), text);
        assertEquals(expected.strip(), v.text());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "breathe in for one two three four five six seven eight",
        "count down with me: seven six five four three two one",
        "I have two kids, three dogs and one cat",
        "one step forward, two steps back, five weeks in",
        "samaritans are on one one six one two three",
        "my snap is down again",
        "on insta its so quiet today",
        "met her on snap yesterday, we talked for hours",
        "i deleted tiktok, it's better for me",
        "I read it on reddit.com/r/depression last night",
        "see https://example.com/t.me for the docs",
    })
    void leavesCountingAndTalkAboutPlatformsAlone(String text) {
        Verdict v = run(text);
        assertEquals(Outcome.DELIVER, v.outcome(), text);
    }

    /** Issue 11: an opener glued to a word ("day+1", "alert(1)") next to a phone-length number looped forever. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "day+1 of 1234567|day+1 of *******",
        "alert(1) 5551234567|alert(1) **********",
        "x(1x(1x(1 0123456|x(1x(1x(1 *******",
    })
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void openerGluedToAWordDoesNotStallTheScanner(String text, String expected) {
        assertEquals(expected, run(text).text(), text);
    }
}
