package org.kindred.server.crisis;

/**
 * A bare year as a marker of the past ("in 2019", "2017 hab ich's versucht"): read by {@link ConceptCombos} as
 * its {@code past} concept. Stateless.
 */
final class PastYear {
    private PastYear() {
    }

    /** The first year counted as the past: years before it are rarely a writer's own past. */
    static final int FIRST = 1940;
    /**
     * Whether the word is a bare year before {@code thisYear} ("2019", "2017"): four digits from
     * {@value #FIRST} to the year before it. A year tells of the writer's past as "a year ago" does
     * (round 19: "i wanted to die in 2020. not anymore" was read as the present). Constant time, no allocation.
     *
     * @param w a token of the message
     * @param thisYear the current year
     * @return true for a year gone by
     */
    static boolean of(Token w, int thisYear) {
        if (!w.number || w.text.length() != 4) {
            return false;
        }
        int year = 0;
        for (int k = 0; k < 4; k++) {
            char c = w.text.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
            year = year * 10 + (c - '0');
        }
        return year >= FIRST && year < thisYear;
    }
}
