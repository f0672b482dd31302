package org.kindred.server.crisis;

import java.util.Set;

/**
 * A question someone asked the writer, answered no (twenty-second round): "my therapist asked if i've had
 * thoughts of ending my life and i said no", "la psicóloga me preguntó si pensaba en quitarme la vida y le dije
 * que no", "sie hat gefragt, ob ich mir was antun will, ich hab nein gesagt", "le médecin m'a demandé si j'avais
 * des idées suicidaires, j'ai répondu non". The words between the question's "if" and the answer are the
 * asker's, and the answer negates them: {@link SignalDecision} reads no signal there. Answered yes, not answered,
 * or answered no and then said to be a lie ("i said no but i lied") the question is read as before; a signal after
 * the answer ("i said no. truth is i want to die") is the writer's own.
 *
 * <p>Words are read as the tokenizer gives them (normalised, repeated letters collapsed). A question reaches to
 * the end of the sentence after its own and at most {@link #MAX_REACH} tokens; each token is looked at a bounded
 * number of times: linear.
 */
final class AnsweredQuestion {
    /** Verbs of asking, as tokens. */
    private static final Set<String> ASK = Set.of("asked", "asks", "ask", "asking", "pregunto", "pregunta",
            "preguntaron", "preguntaba", "gefragt", "fragt", "fragte", "fragten", "demande", "demandait",
            "demandee", "demandent");
    /** What opens an indirect yes-no question right after the verb of asking (at most two words later). */
    private static final Set<String> IF = Set.of("if", "whether", "si", "ob");
    /** Verbs of answering. */
    private static final Set<String> SAID = Set.of("said", "say", "answered", "replied", "dije", "conteste",
            "respondi", "gesagt", "sagte", "geantwortet", "antwortete", "dit", "repondu", "reponds",
            // twenty-fourth round: the infinitive after a modal ("ich konnte ehrlich nein sagen", "j'ai pu répondre non")
            "sagen", "antworten", "decir", "responder", "contestar", "repondre", "dire");
    /**
     * The answer as a noun, its "no" after it ("the answer was honestly no", "la respuesta fue que no", "die
     * antwort war nein", "la réponse était non"): twenty-fourth round.
     */
    private static final Set<String> ANSWER = Set.of("answer", "respuesta", "antwort", "reponse");
    /** The answer yes: between the noun and a "no" it makes the "no" something else ("the answer is yes and no"). */
    private static final Set<String> YES = Set.of("yes", "yeah", "yep", "si", "ja", "oui");
    /** Negators right before an answer: "i couldn't say no", "ich konnte nicht nein sagen", "no pude decir que no". */
    private static final Set<String> NOT = Set.of("not", "never", "couldnt", "cant", "didnt", "wouldnt", "nicht", "nie",
            "no", "nunca", "pas", "ne", "n", "jamais");
    /** Words that join the answer's clause to the question: a negator before them is the question's. */
    private static final Set<String> JOIN = Set.of("and", "but", "so", "y", "pero", "und", "aber", "et", "mais");
    /** How far back in its clause a negator denies the answer (twenty-fifth round; two tokens before). */
    private static final int NOT_REACH = 6;
    /** The answer no. */
    private static final Set<String> NO = Set.of("no", "nope", "nah", "non", "nein");
    /** The answer said to be untrue. */
    private static final Set<String> LIE = Set.of("lied", "lie", "lying", "menti", "mentido", "mentira", "gelogen",
            "gelogt", "luge", "mentir", "mensonge", "true", "verdad", "stimmt", "vrai");
    /** How far an answer's "no" may stand from its verb ("i said no", "le dije que no", "hab nein gesagt"). */
    private static final int ANSWER_REACH = 3;
    /** At most this many tokens from a question's opener to its answer, and from the answer to a word of lying. */
    static final int MAX_REACH = 40;

    private AnsweredQuestion() {
    }

    /**
     * Marks the words of every question answered no.
     *
     * @param t the tokens of one scan, in order
     * @return per token, whether it lies between a question's opener and its answer no; null when there is none
     */
    static boolean[] mark(Token[] t) {
        return read(t, false);
    }

    /**
     * Marks the words of every question whose answer no is negated ("i couldn't say no", "ich konnte nicht nein
     * sagen", "no le pude decir que no", "je n'ai jamais pu lui dire non"): twenty-fifth round. The answer is a yes,
     * so an ignore rule written for the question answered no ("me preguntó si … pude decir que no") does not cancel
     * a signal there ({@link SignalDecision}).
     *
     * @param t the tokens of one scan, in order
     * @return per token, whether it lies between a question's opener and its negated answer; null when there is none
     */
    static boolean[] refused(Token[] t) {
        return read(t, true);
    }

    /** {@link #mark} or, with {@code negated}, {@link #refused}: one pass over the questions. */
    private static boolean[] read(Token[] t, boolean negated) {
        boolean[] out = null;
        int k = 0;
        while (k < t.length) {
            int open = questionAt(t, k);
            if (open < 0) {
                k++;
                continue;
            }
            int limit = endOfNextSentence(t, open);
            int answer = -1;
            int answerEnd = -1;
            int refusedAt = -1;
            for (int a = open + 1; a < limit && answer < 0; a++) {
                boolean noun = ANSWER.contains(t[a].text);
                if (noun || SAID.contains(t[a].text)) {
                    int no = noun ? noAfter(t, a, limit) : noNear(t, a, limit);
                    if (no >= 0 && !notSaid(t, a, no, open)) {
                        answer = Math.min(a, no);
                        answerEnd = Math.max(a, no) + 1;
                    } else if (no >= 0 && refusedAt < 0) {
                        refusedAt = Math.min(a, no);
                    }
                }
            }
            int end = negated ? refusedAt : answer;
            if (end < 0 || (!negated && toldUntrue(t, answerEnd))) {
                k = answer < 0 ? open + 1 : answerEnd;
                continue;
            }
            if (out == null) {
                out = new boolean[t.length];
            }
            java.util.Arrays.fill(out, open, end, true);
            k = answer < 0 ? end + 1 : answerEnd;
        }
        return out;
    }

    /** The token after a question's opener ("asked if", "me preguntó si") at {@code k}, or -1. */
    private static int questionAt(Token[] t, int k) {
        if (!ASK.contains(t[k].text)) {
            return -1;
        }
        for (int i = k + 1; i < Math.min(t.length, k + 3); i++) {
            if (IF.contains(t[i].text)) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * A "no" within {@link #ANSWER_REACH} tokens of the answering verb at {@code a}, the nearest after it first
     * ("no pude decir que no": the answer is the last "no"), or -1.
     */
    private static int noNear(Token[] t, int a, int limit) {
        for (int i = a + 1; i < Math.min(limit, a + ANSWER_REACH + 1); i++) {
            if (NO.contains(t[i].text)) {
                return i;
            }
        }
        for (int i = a - 1; i >= Math.max(0, a - ANSWER_REACH); i--) {
            if (NO.contains(t[i].text)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A "no" within {@link #ANSWER_REACH} tokens after the answer noun at {@code a}, in its clause and with no "yes"
     * before it, that ends its clause or sentence ("the answer was no", "…, la respuesta fue que no."), or -1.
     */
    private static int noAfter(Token[] t, int a, int limit) {
        for (int i = a + 1; i < Math.min(limit, a + ANSWER_REACH + 1) && t[i].before == Token.Boundary.NONE; i++) {
            if (YES.contains(t[i].text)) {
                return -1;
            }
            if (NO.contains(t[i].text)) {
                return i + 1 >= t.length || t[i + 1].before != Token.Boundary.NONE ? i : -1;
            }
        }
        return -1;
    }

    /**
     * Whether a negator other than the answer's "no" (at {@code no}) stands before the answer's verb or noun at
     * {@code a} in the answer's own clause: back from the first of the two, at most {@link #NOT_REACH} tokens, not
     * past a clause boundary, a joining word or the question's opener {@code open} ("i couldn't honestly say no", "no
     * le pude decir que no", "ich konnte ihr einfach nicht nein sagen"), or between them: the answer no was not given.
     */
    private static boolean notSaid(Token[] t, int a, int no, int open) {
        int first = Math.min(a, no);
        for (int i = first; i < a; i++) {
            if (i != no && NOT.contains(t[i].text)) {
                return true;
            }
        }
        for (int i = first - 1; i >= Math.max(open, first - NOT_REACH); i--) {
            if (t[i + 1].before != Token.Boundary.NONE || JOIN.contains(t[i].text)) {
                return false;
            }
            if (NOT.contains(t[i].text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the answer is said to be untrue in the rest of its sentence and the next. */
    private static boolean toldUntrue(Token[] t, int from) {
        int limit = endOfNextSentence(t, from);
        for (int i = from; i < limit; i++) {
            if (LIE.contains(t[i].text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end (exclusive) of the sentence after the one holding token {@code k}, or the token count, and never more
     * than {@link #MAX_REACH} tokens after {@code k}: each question costs constant work.
     */
    private static int endOfNextSentence(Token[] t, int k) {
        int seen = 0;
        int end = Math.min(t.length, k + MAX_REACH);
        for (int i = k + 1; i < end; i++) {
            if (t[i].before == Token.Boundary.SENTENCE && ++seen == 2) {
                return i;
            }
        }
        return end;
    }
}
