package org.kindred.server.crisis;

import java.util.List;
import java.util.Set;

/**
 * A decided time for a good thing (twenty-fifth round): "ich hab mich entschieden: heut abend geh ich zum ersten
 * mal allein ins kino", "c'est décidé, demain je me lance: j'envoie ma candidature", "decided, tonight's the night:
 * i'm asking her out", "esta noche lo hago: le pido matrimonio". When every match of the message is a decision, a
 * plan, an intent or a time, and an ordinary event ({@link #EVENTS}: the cinema, a proposal, a job application, a
 * driving test) is named within {@link #REACH} tokens after the end of the last of them in its sentence, with no word of an
 * end or of death in the message ({@link #RISK}), {@link SignalDecision} holds the signals to a card and no
 * booster raises them: the decision is about that event.
 *
 * <p>Kept: "decided. tonight it ends", "c'est décidé, demain je le fais" (no event named), "decided, tonight after
 * the cinema i'm done" (a word of an end), and any message with another signal (a means, a wish, a goodbye).
 *
 * <p>Canonical words without accents; a German compound counts when it ends in an event word
 * ("führerscheinprüfung"). Linear: each match is read once and each token at most twice.
 */
final class GoodEvent {
    /** The most tokens after the last decision or time read for the event. */
    static final int REACH = 8;
    /** Ordinary events a decided time may be for, as single tokens. */
    private static final Set<String> EVENTS = Tokenizer.canonicalSet("kino", "cine", "cinema", "movies", "concert",
            "konzert", "concierto", "matrimonio", "propose", "proposal", "heiratsantrag", "antrag", "mariage",
            "wedding", "married", "boda", "casamos", "hochzeit", "heiraten", "heiratet", "rendezvous", "rencard", "exam", "examen", "prufung", "interview",
            "entrevista", "entretien", "vorstellungsgesprach", "candidature", "bewerbung", "solicitud", "application",
            "marathon", "halbmarathon", "gym", "gimnasio", "fitnessstudio", "tattoo", "tatuaje", "tatouage",
            "fuhrerschein", "permis", "carnet", "party", "fiesta", "fete", "trip", "viaje", "reise", "voyage",
            "flight", "vuelo", "flug", "class", "clase", "kurs", "cours", "restaurant", "museum", "museo", "musee",
            "beach", "playa", "strand", "plage", "haircut", "friseur", "coiffeur", "peluqueria", "audition", "casting",
            "therapy", "terapia", "therapie", "therapeute", "psychologue", "psicologa", "psicologo");
    /** German compound heads read at a word's end ("führerscheinprüfung", "bewerbungsgespräch"). */
    private static final List<String> HEADS = List.of("prufung", "gesprach", "termin", "kurs", "konzert", "reise");
    /** Words of an end, a goodbye or death anywhere in the message: no good event. */
    private static final Set<String> RISK = Tokenizer.canonicalSet("end", "ends", "ending", "over", "done", "last",
            "final", "goodbye", "bye", "forever", "die", "dead", "suicide", "kill", "acaba", "acabar", "termina",
            "terminar", "fin", "final", "ultima", "ultimo", "adios", "morir", "muerte", "matarme", "suicidio", "ende",
            "schluss", "vorbei", "letzte", "letztes", "letzten", "tschuss", "abschied", "sterben", "tot", "suizid",
            "selbstmord", "umbringen", "finir", "fini", "dernier", "derniere", "adieu", "mourir", "mort", "suicide",
            "tuer");

    private GoodEvent() {
    }

    /**
     * Whether the scan's matches are a decision or a time whose object is an ordinary event named right after.
     *
     * @param t the tokens of one scan
     * @param found the scan's matches (rules' and combinations')
     * @return true when there is a match, every match is an intent, a plan or a time, an event word follows the last
     *     match within {@link #REACH} tokens of its sentence, and no word of {@link #RISK} is in the message
     */
    static boolean holds(Token[] t, List<RiskAssessor.Found> found) {
        int last = -1;
        for (RiskAssessor.Found f : found) {
            RiskCategory c = f.rule.category();
            if (c != RiskCategory.TIME && c != RiskCategory.PLAN && c != RiskCategory.INTENT) {
                return false;
            }
            last = Math.max(last, f.end - 1);
        }
        if (last < 0) {
            return false;
        }
        for (Token w : t) {
            if (RISK.contains(w.text)) {
                return false;
            }
        }
        for (int k = last + 1; k < Math.min(t.length, last + 1 + REACH); k++) {
            if (t[k].before == Token.Boundary.SENTENCE) {
                return false;
            }
            if (event(t[k].text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean event(String w) {
        if (EVENTS.contains(w)) {
            return true;
        }
        for (String h : HEADS) {
            if (w.length() > h.length() + 2 && w.endsWith(h)) {
                return true;
            }
        }
        return false;
    }
}
