package org.kindred.server.moderation.lexicon;

import java.util.List;

/**
 * One expanded line of a lexicon file.
 *
 * @param category  category name, e.g. {@code profanity}
 * @param term      the term as written (not yet normalised)
 * @param substring whether it also matches inside words ({@code ~} flag)
 * @param allow     phrases that, when they contain the match, exempt it ({@code !scunthorpe})
 * @param notAfter  phrases that, directly before the match, exempt it ({@code @not-after})
 * @param remove    true for a {@code -term} line that removes the term from the category
 * @param source    file name and line number, for error messages
 */
public record LexiconEntry(String category, String term, boolean substring, List<String> allow,
        List<String> notAfter, boolean remove, String source) {
    public LexiconEntry {
        allow = List.copyOf(allow);
        notAfter = List.copyOf(notAfter);
    }
}
