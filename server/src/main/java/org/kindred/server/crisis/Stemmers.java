package org.kindred.server.crisis;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Per-language Snowball stemmers (Lucene's {@code lucene-analysis-common}) for the concept words
 * of {@link ConceptCombos}: "suiciding" and "suicidal" share the English stem {@code suicid},
 * "cortando" and "cortarme" the Spanish {@code cort}, so inflections need not be listed. Stems are
 * taken of normalised, accent-free words, for the lexicon and for messages alike.
 *
 * <p>Snowball stemmers keep state while they work, so each thread has its own (created on first
 * use, a few hundred bytes each). A stem costs about half a microsecond, which is why
 * {@link ConceptLexicon} stems a word only when it begins like a listed word's stem and is not
 * itself listed in that language (one to four stems per typical message). Thread-safe.
 */
final class Stemmers {
    /** The languages with a stemmer, in the order of their index. */
    static final String[] LANGUAGES = {"en", "es", "de", "fr"};
    /** Words longer than this are not stemmed (returned as they are): bounds the cost per word. */
    static final int MAX_LENGTH = 24;

    private static final ThreadLocal<SnowballStemmer[]> STEMMERS = ThreadLocal.withInitial(() -> new SnowballStemmer[] {
        new EnglishStemmer(), new SpanishStemmer(), new German2Stemmer(), new FrenchStemmer()});

    private Stemmers() {
    }

    /** Index of a language in {@link #LANGUAGES}, or -1 when it has no stemmer. */
    static int index(String language) {
        for (int i = 0; i < LANGUAGES.length; i++) {
            if (LANGUAGES[i].equals(language)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The stem of a normalised word in the language of index {@code lang}.
     *
     * @param lang an index of {@link #LANGUAGES}
     * @param word lower-case letters (and digits); a longer word than {@value #MAX_LENGTH} is returned unchanged
     * @return the stem, never longer than the word
     */
    static String stem(int lang, String word) {
        if (word.length() > MAX_LENGTH || word.length() < 3) {
            return word;
        }
        SnowballStemmer s = STEMMERS.get()[lang];
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }
}
