package org.kindred.server.session;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Nickname rules of PROTOCOL.md ("nick"). A nickname is accepted when, after NFC normalisation,
 * trimming and collapsing inner runs of spaces, it
 * <ul>
 *   <li>has {@value #MIN_LENGTH} to {@value #MAX_LENGTH} code points;</li>
 *   <li>holds only letters, digits, single spaces and {@code _ - .}, plus at most
 *       {@value #MAX_MARKS} combining marks right after each letter or digit (so names in
 *       scripts that need vowel signs are possible, "zalgo" is not);</li>
 *   <li>holds at least one <em>visible</em> letter or digit: default-ignorable code points and
 *       letters that show as nothing (Hangul fillers U+115F, U+1160, U+3164, U+FFA0 and the like)
 *       are refused anywhere, so a nick never shows as blank or as punctuation only;</li>
 *   <li>is accepted by the abuse filter;</li>
 *   <li>does not look like a staff title or the product's name (any word, or the whole nick with
 *       its separators removed, equal by look to e.g. "Moderator", "Admin", "Kindred"), nor like the
 *       name of a staff account (see {@link #reserveStaffNames}).</li>
 * </ul>
 * "Equal by look" means equal after case folding or equal Unicode confusable skeletons (UTS #39),
 * see {@link NickLook}; {@link #sameNick} applies the same test for uniqueness in a room.
 * Every check is linear in the nickname's length, and input longer than
 * {@value #MAX_INPUT_LENGTH} characters is refused before any work. Thread-safe.
 */
public final class NickRules {
    /** Fewest code points in a nickname. */
    public static final int MIN_LENGTH = 2;
    /** Most code points in a nickname. */
    public static final int MAX_LENGTH = 24;
    /** Most combining marks accepted after one letter or digit. */
    public static final int MAX_MARKS = 3;
    /** Input longer than this (in UTF-16 units, before trimming) is refused outright. */
    static final int MAX_INPUT_LENGTH = 256;

    /** Words a member's nickname may not look like: staff titles and the product's name. */
    static final List<String> STAFF_TITLES = List.of("moderator", "moderators", "mod", "mods", "admin", "admins",
            "administrator", "administrators", "kindred", "staff", "official", "sysop", "supporter");

    /** Letters (Lo) that render as nothing although they are not default-ignorable in every version. */
    private static final Set<Integer> BLANK_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E,
            0x17B4, 0x17B5, 0x034F, 0x1D159, 0x1D173, 0x1D174, 0x1D175, 0x1D176, 0x1D177, 0x1D178, 0x1D179,
            0x1D17A);

    private static final Set<String> TITLE_KEYS = keysOf(STAFF_TITLES);

    private final Predicate<String> abuseFilter;
    private volatile Set<String> staffKeys = Set.of();

    /** @param abuseFilter returns true for a nickname the abuse filter accepts; called only on well-formed nicks */
    public NickRules(Predicate<String> abuseFilter) {
        this.abuseFilter = abuseFilter;
    }

    /**
     * Replaces the staff account names a member's nickname may not look like. Cheap to call
     * repeatedly (e.g. on a timer); checks in progress see the old or the new set.
     *
     * @param names account names as stored (any case); null entries are ignored
     */
    public void reserveStaffNames(Collection<String> names) {
        Set<String> keys = new HashSet<>();
        for (String name : names) {
            if (name != null && name.length() <= MAX_INPUT_LENGTH) {
                keys.addAll(NickLook.referenceKeys(name));
                keys.addAll(NickLook.referenceKeys(NickLook.joined(name)));
            }
        }
        staffKeys = Set.copyOf(keys);
    }

    /**
     * The nickname as it will be shown (NFC, trimmed, inner runs of spaces collapsed to one), or
     * null when it breaks a rule of this class.
     *
     * @param nick what the member typed, any string or null
     */
    public String normalise(String nick) {
        return normalise(nick, false);
    }

    /**
     * As {@link #normalise(String)}; a staff member ({@code staff} true) may also use staff
     * titles and staff account names.
     */
    public String normalise(String nick, boolean staff) {
        if (nick == null || nick.length() > MAX_INPUT_LENGTH) {
            return null;
        }
        String n = collapseSpaces(Normalizer.normalize(nick, Normalizer.Form.NFC).strip());
        if (!wellFormed(n) || (!staff && looksLikeStaff(n)) || !abuseFilter.test(n)) {
            return null;
        }
        return n;
    }

    /**
     * True when two nicknames count as the same nick in a room: equal ignoring case, or equal
     * by look (UTS #39 skeletons of the nicks or of their case-folded forms are equal).
     */
    /**
     * The keys under which {@code nick} is claimed in a room: two nicknames are the same
     * ({@link #sameNick}) exactly when their keys overlap. Linear in the nickname's length.
     */
    public java.util.Set<String> keys(String nick) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add("case:" + nick.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
        for (String k : NickLook.keys(nick)) {
            keys.add("look:" + k);
        }
        return keys;
    }

    public boolean sameNick(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        for (String k : NickLook.keys(a)) {
            if (NickLook.keys(b).contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** Letters, digits, marks after them, single spaces, {@code _ - .}; length; one visible letter or digit. */
    static boolean wellFormed(String n) {
        int count = 0;
        int visible = 0;
        int marks = -1; // -1: a mark is not allowed here (start, or after a space or punctuation)
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (++count > MAX_LENGTH) {
                return false;
            }
            if (cp == ' ' || cp == '_' || cp == '-' || cp == '.') {
                marks = -1;
                continue;
            }
            if (invisible(cp)) {
                return false;
            }
            int type = UCharacter.getType(cp);
            if (isLetterOrDigit(type)) {
                visible++;
                marks = 0;
            } else if (isMark(type) && marks >= 0 && marks < MAX_MARKS) {
                marks++;
            } else {
                return false;
            }
        }
        return count >= MIN_LENGTH && visible > 0;
    }

    /** True for code points that show as nothing: default-ignorable, whitespace, or a known blank letter. */
    static boolean invisible(int cp) {
        return BLANK_LETTERS.contains(cp) || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.isUWhiteSpace(cp);
    }

    private static boolean isMark(int type) {
        return type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.COMBINING_SPACING_MARK;
    }

    private static boolean isLetterOrDigit(int type) {
        return type == UCharacterCategory.UPPERCASE_LETTER || type == UCharacterCategory.LOWERCASE_LETTER
                || type == UCharacterCategory.TITLECASE_LETTER || type == UCharacterCategory.MODIFIER_LETTER
                || type == UCharacterCategory.OTHER_LETTER || type == UCharacterCategory.DECIMAL_DIGIT_NUMBER
                || type == UCharacterCategory.LETTER_NUMBER || type == UCharacterCategory.OTHER_NUMBER;
    }

    /** True when a word of the nick, or the whole nick without separators, looks like a staff title or name. */
    boolean looksLikeStaff(String n) {
        Set<String> staff = staffKeys;
        String joined = NickLook.joined(n);
        if (intersects(NickLook.keys(joined), TITLE_KEYS) || intersects(NickLook.keys(n), staff)
                || intersects(NickLook.keys(joined), staff)) {
            return true;
        }
        for (String word : NickLook.words(n)) {
            if (intersects(NickLook.keys(word), TITLE_KEYS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean intersects(Collection<String> keys, Set<String> set) {
        for (String k : keys) {
            if (set.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keysOf(Collection<String> words) {
        Set<String> keys = new HashSet<>();
        for (String w : words) {
            keys.addAll(NickLook.referenceKeys(w));
        }
        return Set.copyOf(keys);
    }

    /** Inner runs of spaces become one space; one pass. */
    private static String collapseSpaces(String s) {
        if (!s.contains("  ")) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' || b.length() == 0 || b.charAt(b.length() - 1) != ' ') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
