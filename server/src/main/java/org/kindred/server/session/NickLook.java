package org.kindred.server.session;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a nickname looks like, for comparing nicks "by look": its Unicode confusable skeleton
 * (UTS #39, {@link SpoofChecker#getSkeleton}) and a case-blind key, skeleton(fold(skeleton(fold(s))))
 * (folding again after the skeleton because the skeleton maps e.g. {@code 0} to {@code O}). Two
 * strings look alike when they share a key. Keys of recently seen nicks are cached (bounded), so
 * checking a join against every member of a room costs map look-ups, not skeleton computations.
 * Linear in the input's length. Thread-safe.
 */
final class NickLook {
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final int CACHE_LIMIT = 8192;
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private static final com.ibm.icu.text.Normalizer2 FOLD = com.ibm.icu.text.Normalizer2.getNFKCCasefoldInstance();

    private NickLook() {
    }

    /**
     * The look keys of {@code s}: its skeleton and its case-blind key (one entry when equal).
     *
     * @param s any string (callers bound its length)
     * @return one or two keys, never null
     */
    static List<String> keys(String s) {
        List<String> k = CACHE.get(s);
        if (k != null) {
            return k;
        }
        String plain = SPOOF.getSkeleton(s);
        // NFKC_Casefold folds case and compatibility forms (full-width "Ｍｏｄ", ligatures, circled
        // letters) that confusable skeletons alone leave apart.
        String folded = SPOOF.getSkeleton(FOLD.normalize(SPOOF.getSkeleton(FOLD.normalize(s))));
        k = plain.equals(folded) ? List.of(plain) : List.of(plain, folded);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(s, k);
        return k;
    }

    /**
     * The keys of a reference word (a staff title or account name) as it may be written: as given,
     * in capitals and capitalised, so that e.g. "ADMlN" (small L) meets "ADMIN" by look.
     */
    static java.util.Set<String> referenceKeys(String word) {
        java.util.Set<String> keys = new java.util.HashSet<>(keys(word));
        keys.addAll(keys(UCharacter.toUpperCase(java.util.Locale.ROOT, word)));
        keys.addAll(keys(UCharacter.toTitleCase(java.util.Locale.ROOT, word, null)));
        return keys;
    }

    /** {@code s} without the separators a nick may hold (space, {@code _ - .}). */
    static String joined(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSeparator(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The non-empty runs of {@code s} between separators. */
    static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || isSeparator(s.charAt(i))) {
                if (i > start) {
                    words.add(s.substring(start, i));
                }
                start = i + 1;
            }
        }
        return words;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '_' || c == '-' || c == '.';
    }
}
