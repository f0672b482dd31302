package org.kindred.server.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stage 6: links. Moderators may always post links, and anyone may link to an allow-listed
 * domain (crisis-line sites by default) or its subdomains. Other links from members in their first
 * {@code newMemberLinkMinutes} are held for review ({@code link}); after that, links are allowed.
 * Recognises {@code scheme://}, {@code www.} and bare domains with a common top-level domain
 * (words like "so" or "it" are deliberately not treated as top-level domains).
 */
public final class LinkStage implements Stage {
    private static final Set<String> BARE_TLDS = Set.of("com", "org", "net", "io", "co", "uk", "de", "fr", "es", "gg",
            "ly", "info", "app", "xyz", "tk", "ru", "cn", "link", "site", "online", "club", "top", "tv", "ca", "au",
            "nz", "ie", "nl", "ch", "pl", "se", "dk", "fi", "pt", "br", "mx", "biz", "dev", "page", "live", "shop",
            "store", "ml", "ga", "cf", "gq", "lol", "vip", "cc", "ws", "su", "ua", "kz", "tr", "jp", "kr", "sg", "hk",
            "za", "eu", "gl", "be", "to", "me", "us", "int", "edu", "gov");

    private final List<String> allowedDomains;
    private final long newMemberMillis;

    public LinkStage(ModerationConfig config) {
        this.allowedDomains = config.allowedLinkDomains();
        this.newMemberMillis = config.newMemberLinkMinutes() * 60_000L;
    }

    @Override
    public StageName name() {
        return StageName.LINKS;
    }

    @Override
    public void apply(Evaluation e) {
        MessageContext ctx = e.context();
        if (ctx.role().canModerate() || ctx.nowMillis() - ctx.memberSinceMillis() >= newMemberMillis) {
            return;
        }
        scan(e, e.text());
    }

    /**
     * Looks for the first link in {@code s} that is not allowed and records it on {@code e}.
     * Returns the number of characters read, for tests of the linear-time bound: each dot starts
     * at most one walk back (which stops at the previous dot) and one walk forward over the host
     * and dots after it, which a later dot in the same run reuses instead of walking again.
     */
    int scan(Evaluation e, String s) {
        int steps = 0;
        int runFrom = -1; // [runFrom, runEnd): the last forward walk; hostEnd: its end without trailing dots
        int runEnd = -1;
        int hostEnd = -1;
        for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
            int start = dot;
            while (start > 0 && isHostChar(s.charAt(start - 1))) {
                start--;
            }
            steps += dot - start + 1;
            if (dot < runFrom || dot >= runEnd) {
                runFrom = dot;
                runEnd = dot;
                while (runEnd < s.length() && (isHostChar(s.charAt(runEnd)) || s.charAt(runEnd) == '.')) {
                    runEnd++;
                }
                hostEnd = runEnd;
                while (hostEnd > dot && s.charAt(hostEnd - 1) == '.') {
                    hostEnd--;
                }
                steps += 2 * (runEnd - dot);
            }
            int end = Math.max(dot, hostEnd); // what walking from this dot would give: same run, same end
            if (start == dot || end <= dot + 1 || (start > 0 && s.charAt(start - 1) == '@') || e.masked(start, end)) {
                dot = Math.max(dot, end);
                continue;
            }
            boolean explicit = hasScheme(s, start) || s.regionMatches(true, start, "www.", 0, 4);
            String host = s.substring(start, end).toLowerCase(Locale.ROOT);
            steps += 2 * (end - start);
            if ((explicit || BARE_TLDS.contains(host.substring(host.lastIndexOf('.') + 1))) && !allowed(host)) {
                e.found(Categories.LINK, start, end);
                return steps;
            }
            dot = Math.max(dot, end);
        }
        return steps;
    }

    private boolean allowed(String host) {
        String h = host.startsWith("www.") ? host.substring(4) : host;
        for (String d : allowedDomains) {
            if (h.equals(d) || h.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasScheme(String s, int hostStart) {
        return hostStart >= 3 && s.startsWith("://", hostStart - 3);
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }
}
