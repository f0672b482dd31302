package org.kindred.server.crisis;

import java.util.List;
import java.util.Set;

/**
 * A place of danger named in a scene of leisure (twenty-fourth round): "i'm at the bridge now, the one in the park
 * with the ducks, sun is out, first walk in weeks", "estoy en el puente ahora, paseando con el perro, qué vistas",
 * "steh grad auf der brücke, spaziergang mit der sonne im gesicht", "je suis sur le pont là, balade au soleil".
 * When every signal of the message is a place ("at the bridge now") and the message holds a word of a walk, a view,
 * the sun or a picnic, with no other risk (a goodbye, a wish, a means outside the place's words, finality, a word
 * of an act or a last word: {@link #RISK}), the
 * signals are a card at most: {@link SignalDecision} holds them to {@code concern} and no booster raises them.
 * "i'm at the bridge now. nobody will miss me" has a signal that is no place and stays as it was.
 *
 * <p>Canonical words (accents folded). Linear: each match's span is read once, each token once.
 */
final class BenignScene {
    /** Places of danger a scene can name. */
    private static final Set<String> PLACES = Tokenizer.canonicalSet("bridge", "roof", "rooftop", "ledge", "edge",
            "railing", "cliff", "tracks", "puente", "azotea", "techo", "cornisa", "borde", "barandilla", "acantilado",
            "vias", "brucke", "bruecke", "dach", "kante", "gelander", "gelaender", "hochhaus", "klippe", "gleise",
            "pont", "toit", "rebord", "bord", "corniche", "balcon", "falaise", "quai", "viaduc");
    /** Words of leisure and a good day out. */
    private static final Set<String> SCENE = Tokenizer.canonicalSet("walk", "stroll", "view", "views",
            "ducks", "swans", "geese", "picnic", "hike", "hiking", "sun", "sunny", "sunshine", "sunset", "sunrise",
            "photo", "photos", "birds", "breeze", "lovely", "gorgeous", "paseo", "paseando", "pasear", "caminata",
            "vista", "vistas", "patos", "cisnes", "sol", "soleado", "atardecer", "amanecer", "foto", "fotos",
            "excursion", "senderismo", "precioso", "preciosa", "spaziergang", "spazieren", "aussicht", "enten",
            "schwane", "picknick", "wandern", "wanderung", "sonne", "sonnig", "sonnenuntergang", "sonnenaufgang",
            "herrlich", "wunderschon", "balade", "promenade", "promener", "vue", "canards", "cygnes", "piquenique",
            "randonnee", "rando", "soleil", "magnifique", "superbe");

    /**
     * Words of an act, a leaving or a last word anywhere in the message: no scene of leisure ("walking to the cliff
     * now", "i'm going to jump when the sun comes up", "nice view. goodbye everyone").
     */
    private static final Set<String> RISK = Tokenizer.canonicalSet("jump", "jumping", "fall", "end", "goodbye", "bye",
            "farewell", "last", "miss", "sorry", "forever", "away", "gone", "done", "enough", "letter", "note", "walking",
            "saltar", "salto", "tirarme", "lanzarme", "adios", "despedida", "ultima", "ultimo", "perdon", "siento",
            "nunca", "fin", "final", "carta", "springen", "spring", "springe", "runter", "tschuss", "abschied", "letzte",
            "letzten", "letztes", "verzeiht", "ende", "brief", "sauter", "saute", "jeter", "adieu", "dernier",
            "derniere", "pardon", "desole", "lettre");

    private BenignScene() {
    }

    /**
     * Whether the scan's matches are a place named in a scene of leisure.
     *
     * @param t the tokens of one scan
     * @param found the scan's matches (rules' and combinations')
     * @return true when the message holds a word of {@link #SCENE} and none of {@link #RISK}, at least one signal, every signal's span holds a
     *     place of danger, and every booster is a time or lies inside a signal's span
     */
    static boolean holds(Token[] t, List<RiskAssessor.Found> found) {
        boolean signal = false;
        for (RiskAssessor.Found f : found) {
            if (f.rule.kind() != RiskRule.Kind.BOOSTER) {
                if (!placeIn(t, f.start, f.end)) {
                    return false;
                }
                signal = true;
            }
        }
        if (!signal || !sceneIn(t)) {
            return false;
        }
        List<int[]> spans = new java.util.ArrayList<>();
        for (RiskAssessor.Found f : found) {
            if (f.rule.kind() != RiskRule.Kind.BOOSTER) {
                spans.add(new int[] {f.start, f.end});
            }
        }
        int[] covered = TokenSpans.cover(t.length, spans);
        for (RiskAssessor.Found b : found) {
            boolean inside = covered[b.end] - covered[b.start] == b.end - b.start; // every token in a signal's span
            if (b.rule.kind() == RiskRule.Kind.BOOSTER && b.rule.category() != RiskCategory.TIME && !inside) {
                return false;
            }
        }
        return true;
    }

    private static boolean placeIn(Token[] t, int start, int end) {
        for (int k = start; k < end; k++) {
            if (PLACES.contains(t[k].text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the message holds a word of {@link #SCENE} and none of {@link #RISK}. */
    private static boolean sceneIn(Token[] t) {
        boolean scene = false;
        for (Token w : t) {
            if (RISK.contains(w.text)) {
                return false;
            }
            scene |= SCENE.contains(w.text);
        }
        return scene;
    }
}
