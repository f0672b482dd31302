package org.kindred.server.moderation.lexicon;

/** A lexicon file that cannot be used; the message names the file and line. */
public class LexiconException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LexiconException(String message) {
        super(message);
    }
}
