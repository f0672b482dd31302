package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.assess;
import static org.kindred.server.crisis.RulesAlone.level;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * The German and French kinds of the sixteenth round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 16 de/fr", {@code combos.yaml} "round 16 de/fr"; docs/crisis.md "Sixteenth round"), with the
 * rules alone, and their look-alikes. Every line is written for this test (none is a line of a
 * labelled set); each test method fails with the rules of f2865c4.
 */
class RiskRound16DeFrTest {
    @Test
    void frenchEverydaySensesAndOthersWordsStayQuiet() {
        assertNull(level("je vais me pendre au téléphone avec mon opérateur, encore"));
        assertNull(level("j'ai fait une overdose de netflix ce week-end"));
        assertNull(level("c'est mon dernier message de la soirée, demain boulot"));
        assertNull(level("ma psy m'a demandé si j'avais des pensées suicidaires, j'ai dit que non"));
        assertNull(level("\"je veux mourir\", voilà ce que disait mon frère quand il perdait à la console"));
        // the same words as one's own stay what they were
        assertEquals(RiskLevel.IMMINENT, level("je vais me pendre ce soir"));
        assertEquals(RiskLevel.HIGH, level("j'ai des idées noires tous les jours"));
    }

    @Test
    void germanIdiomsDenialsQuestionsAndCharityStayQuiet() {
        assertNull(level("nicht dass du denkst ich will mich umbringen, ich bin nur müde"));
        assertNull(level("meine therapeutin hat gefragt ob ich suizidgedanken hab, zum glück nein"));
        assertNull(level("hab mein zimmer aufgeräumt und meine klamotten der kleiderkammer gegeben"));
        assertNull(level("bin tot müde nach der schicht, schlaft gut"));
        assertEquals(RiskLevel.HIGH, level("ich will mich umbringen, ich bin so müde"));
    }

    @Test
    void theWayItWasToldWithHowItIsNowDoesNotPage() {
        RiskAssessment quoted = assess("damals hab ich oft gesagt ich will sterben, heute sag ich das nicht mehr");
        assertFalse(quoted.escalates(), quoted.toString());
        RiskAssessment told = assess("war mal suizidal, vor drei jahren. heute rede ich offen darüber und helfe anderen");
        assertFalse(told.escalates(), told.toString());
        RiskAssessment attempt = assess("j'ai fait une TS en 2017, maintenant je vais bien");
        assertFalse(attempt.escalates(), attempt.toString());
        // "heute" with the act is still a time
        assertEquals(RiskLevel.IMMINENT, level("ich will mich heute umbringen"));
        assertEquals(RiskLevel.IMMINENT, level("denk dran mich morgen abend umzubringen"));
    }

    @Test
    void pillsTakenAShortWhileAgoOrWithAlcohol() {
        assertEquals(RiskLevel.IMMINENT, level("hab vor einer stunde meine schlaftabletten geschluckt, mir wird schwindlig"));
        assertEquals(RiskLevel.IMMINENT, level("hab 25 von den schmerzmitteln genommen"));
        assertEquals(RiskLevel.IMMINENT, level("hab die tabletten mit whisky runtergeschluckt"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai avalé mes somnifères et ça tourne"));
        assertEquals(RiskLevel.IMMINENT, level("je viens de prendre toute la plaquette"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai fait une od il y a une heure, j'ai froid"));
        assertNull(level("hab vor ner stunde meine tablette gegen kopfweh genommen"));
        assertNull(level("hab heute morgen meine tabletten genommen wie immer"));
    }

    @Test
    void goodbyesInEverydayWords() {
        assertEquals(RiskLevel.IMMINENT, level("ich gehe jetzt. danke für alles, ihr wart toll"));
        assertEquals(RiskLevel.IMMINENT, level("gute nacht, für immer"));
        assertEquals(RiskLevel.IMMINENT, level("zum letzten mal online, macht's gut"));
        assertEquals(RiskLevel.IMMINENT, level("sagt meinem bruder dass ich ihn lieb hab"));
        assertEquals(RiskLevel.IMMINENT, level("tschau zäme, morge bin i nümm do"));
        assertEquals(RiskLevel.IMMINENT, level("c'est la dernière fois que vous me lisez"));
        assertEquals(RiskLevel.IMMINENT, level("je m'en vais pour toujours"));
        assertNull(level("ich geh jetzt, danke für alles, bis morgen"));
        assertNull(level("gute nacht, bis morgen, hab euch für immer lieb"));
        assertNull(level("bonne nuit à tous, à demain"));
    }

    @Test
    void decidedActsWithADayInFrench() {
        assertEquals(RiskLevel.IMMINENT, level("jvais m'foutre en l'air demain"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai décidé, je le fais samedi"));
        assertNull(level("j'ai décidé de le faire samedi, le gâteau pour l'anniv"));
    }

    @Test
    void germanPreparationsAndGoodbyesWithoutTheRulesWords() {
        assertEquals(RiskLevel.IMMINENT, level("nachher nehm ich alle meine tabletten"));
        assertEquals(RiskLevel.IMMINENT, level("heute ist der tag, ich hab lang genug gekämpft"));
        assertEquals(RiskLevel.IMMINENT, level("sorry für alles. kümmert euch bitte um meinen kater"));
        assertEquals(RiskLevel.IMMINENT, level("hab meine schlaftabletten nachgezählt, die reichen jetzt"));
        assertEquals(RiskLevel.IMMINENT, level("bereit für den ewigen schlaf heute nacht"));
        assertEquals(RiskLevel.HIGH, level("ich bin bereit für den ewigen schlaf"));
        assertEquals(RiskLevel.IMMINENT, level("ich hab ein seil gekauft, ihr wisst schon warum"));
        assertNull(level("morgens nehm ich meine tabletten, abends die vitamine"));
        assertNull(level("heute ist der tag der prüfung, hab lang genug gelernt"));
        assertNull(level("kümmert euch um euch selbst heute, ihr lieben"));
    }

    @Test
    void frenchPreparationsAndGoodbyesWithoutTheRulesWords() {
        assertEquals(RiskLevel.IMMINENT, level("bientôt j'aurai plus mal. merci pour tout"));
        assertEquals(RiskLevel.IMMINENT, level("c'est ma dernière soirée, merci à tous"));
        assertEquals(RiskLevel.IMMINENT, level("si je réponds plus demain, c'est fait"));
        assertEquals(RiskLevel.IMMINENT, level("la corde est prête, j'attends d'avoir le courage"));
        assertEquals(RiskLevel.IMMINENT, level("je fais la grande sieste ce soir"));
        assertEquals(RiskLevel.IMMINENT, level("je suis devant la fenêtre ouverte, j'ai enjambé"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai acheté une corde, vous devinez pourquoi"));
        assertNull(level("c'est ma dernière soirée à lyon avant le déménagement, merci à tous pour l'apéro"));
        assertNull(level("j'attends d'avoir le courage d'appeler ma mère"));
        assertNull(level("je suis devant la fenêtre ouverte, il fait trop chaud"));
    }

    @Test
    void someoneElsesWordsReportedToMeInDirectSpeech() {
        assertNull(level("mon pote m'a écrit je vais me tuer si je rate le bus mdr"));
        assertNull(level("mein bruder hat mir geschrieben ich will nicht mehr, wegen mathe"));
        assertEquals(RiskLevel.IMMINENT, level("je vais me tuer ce soir"));
    }

    @Test
    void germanSelfHarmWithWordsBetweenAndEverydayConcern() {
        assertEquals(RiskLevel.HIGH, level("hab mich gestern abend schon wieder verletzt"));
        assertEquals(RiskLevel.HIGH, level("mich selbst umzubringen ist alles woran ich denk"));
        assertEquals(RiskLevel.CONCERN, level("mein stiefvater hat mich gezwungen dinge zu tun"));
        assertEquals(RiskLevel.CONCERN, level("ich werd nie glücklich sein"));
        assertEquals(RiskLevel.CONCERN, level("warum lebe ich überhaupt noch"));
        assertEquals(RiskLevel.CONCERN, level("die schläge hören einfach nicht auf"));
        assertNull(level("hab mich beim fußball am knie verletzt"));
    }

    @Test
    void frenchThoughtsAndEverydayConcern() {
        assertEquals(RiskLevel.HIGH, level("j'ai envisagé de boire du destop"));
        assertEquals(RiskLevel.CONCERN, level("pourquoi je suis encore en vie"));
        assertEquals(RiskLevel.CONCERN, level("je suis fatiguée d'être en vie"));
        assertEquals(RiskLevel.CONCERN, level("la mort me tente de plus en plus"));
        assertEquals(RiskLevel.CONCERN, level("mon ex m'a menacée de mort par sms"));
        assertEquals(RiskLevel.CONCERN, level("ça me démange de rechuter"));
        assertEquals(RiskLevel.CONCERN, level("la vie c'est pas pour moi"));
        assertNull(level("je suis de trop fatiguée pour sortir ce soir"));
        assertNull(level("je me suis coupée avec un couteau en faisant la salade"));
    }

    @Test
    void germanMethodsSelfHarmAndPastOverdosesInChatForms() {
        assertEquals(RiskLevel.HIGH, level("denk oft dran mich vor n lkw zu werfen"));
        assertEquals(RiskLevel.HIGH, level("denk ans aufhängen, jeden tag"));
        assertEquals(RiskLevel.HIGH, level("welche methode tut am wenigsten weh"));
        assertEquals(RiskLevel.HIGH, level("will mich nur noch wegmachen"));
        assertEquals(RiskLevel.HIGH, level("hatte letzten sommer ne überdosis, jetzt gehts wieder los"));
        assertEquals(RiskLevel.HIGH, level("hab mich gebissen bis es blutet"));
        assertEquals(RiskLevel.HIGH, level("hab gestern wieder geschnibbelt"));
        assertEquals(RiskLevel.CONCERN, level("die weihnachten erleb ich nicht mehr"));
        assertNull(level("hab gemüse geschnippelt für die suppe"));
    }

    /** Found on blind-13 after its one measurement (its lines are not used here: these are written for the test). */
    @Test
    void germanVerbBeforeSubjectAfterAFrontedWord() {
        assertEquals(RiskLevel.IMMINENT, level("heut abend bring ich mich um"));
        assertEquals(RiskLevel.IMMINENT, level("morgen nehm ich mir das leben"));
        assertEquals(RiskLevel.HIGH, level("wenn das so weitergeht bring ich mich um"));
        assertNull(level("mein chef bringt mich noch um mit seinen mails"));
        assertNull(level("das bring ich dir morgen um acht vorbei"));
        assertNull(level("ich nehm mir heute abend frei"));
    }

    /** Found on blind-13 after its one measurement: tablets taken as on every day are no overdose. */
    @Test
    void tabletsTakenAsEveryDayAreNoOverdose() {
        assertNull(level("hab grad meine tabletten genommen, wie jeden abend halt"));
        assertEquals(RiskLevel.IMMINENT, level("hab grad alle meine tabletten genommen, alle 30"));
    }

    /** Found on blind-13 after its one measurement: a thought of suicide that will not leave the head is high. */
    @Test
    void aThoughtOfSuicideThatWillNotLeave() {
        assertEquals(RiskLevel.HIGH, level("der gedanke an suizid geht mir einfach nicht aus dem kopf"));
        assertEquals(RiskLevel.HIGH, level("mourir, c'est tout ce que j'ai en tête en ce moment"));
        assertNull(level("das lied geht mir nicht aus dem kopf"));
        assertNull(level("ce film c'est tout ce que j'ai en tête"));
    }

    /** Found on blind-13 after its one measurement: a German farewell to everyone, with letters or "you were the best". */
    @Test
    void germanFarewellToEveryone() {
        assertEquals(RiskLevel.IMMINENT, level("hab die katze zu meinem bruder gebracht und briefe an alle geschrieben"));
        assertEquals(RiskLevel.IMMINENT, level("tschüss an alle, ihr wart die besten. passt auf euch auf"));
        assertNull(level("ihr wart die besten, bis morgen beim treffen"));
        assertNull(level("hab briefe an alle tanten geschrieben wegen omas geburtstag"));
    }

    /** Found on blind-13 after its one measurement: French "plus" without "ne" after a self-harm verb, with a duration, is "not any more". */
    @Test
    void frenchSelfHarmNoMoreWithoutNe() {
        assertNull(level("je me coupe plus depuis six mois"));
        assertNull(level("ça fait deux ans que je me scarifie plus, trop contente"));
        assertEquals(RiskLevel.HIGH, level("je me scarifie plus qu'avant"));
        assertEquals(RiskLevel.HIGH, level("je me suis coupée plus profond que d'habitude"));
    }

    /** Found on blind-13 after its one measurement: no hope left, told with a negation of its own (Spanish, German). */
    @Test
    void noHopeLeftWithANegationOfItsOwn() {
        assertEquals(RiskLevel.CONCERN, level("no tengo ninguna esperanza"));
        assertEquals(RiskLevel.CONCERN, level("nada va a mejorar nunca"));
        assertEquals(RiskLevel.CONCERN, level("ich hab keine hoffnung mehr"));
        assertNull(level("no tengo ninguna duda, mañana voy"));
        assertNull(level("nada va a cambiar el plan del finde jaja"));
        assertNull(level("ich hab keine hoffnung mehr dass der bus heute noch kommt lol"));
    }

    /**
     * Found when the model was retrained on 29 sets at the start of the seventeenth round: a pet left
     * with someone for a bounded time read as a farewell (the rules' finality boost with the model,
     * so this asks the whole assessor).
     */
    @Test
    void aPetLeftWithSomeoneForTheWeekendIsNoFarewell() {
        RiskAssessor whole = TrainingYear.bundled(new Normalizer());
        for (String benign : List.of("j'ai laissé mes chats chez ma mère pour la semaine, je pars en formation",
                "laissé mon chien chez mes parents pour le week-end, trop calme l'appart")) {
            assertNull(whole.assess(benign, "fr").level(), benign);
        }
        assertEquals(RiskLevel.IMMINENT, whole.assess(
                "j'ai laissé mon chien chez ma voisine, elle saura s'en occuper mieux que moi. adieu à tous", "fr")
                .level());
    }
}
