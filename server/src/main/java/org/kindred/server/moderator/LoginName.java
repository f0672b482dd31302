package org.kindred.server.moderator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one normalisation of a typed sign-in name, used both to look the account up and to key
 * the sign-in throttle, so {@code ADA}, {@code " ada"} and {@code ａｄａ} (full width) are the
 * same account everywhere. Steps: Unicode NFKC, strip surrounding white space, case fold
 * (upper then lower case in the root locale, so {@code ß} folds like {@code SS}), NFKC again.
 */
final class LoginName {
    /** Longer typed names cannot be account names (at most 32 characters); not worth folding. */
    private static final int MAX_TYPED = 256;

    private LoginName() {
    }

    /**
     * The folded form of {@code typed}: never null; empty for null or over-long input.
     * Linear in the input's length.
     */
    static String fold(String typed) {
        if (typed == null || typed.length() > MAX_TYPED) {
            return "";
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /** The canonical account name {@code typed} stands for, or empty when no account can have it. */
    static Optional<String> account(String typed) {
        try {
            return Optional.of(AccountService.normalizeName(fold(typed)));
        } catch (AccountException e) {
            return Optional.empty();
        }
    }
}
