package org.kindred.server.moderation;

import java.util.Set;

/**
 * Finds links that are contact details: a messenger's or social network's short link or profile
 * address followed by a handle or invite ("t.me/jenny_x", "https://wa.me/447700900123",
 * "discord.gg/abc123", "instagram.com/jenny.x", "snapchat.com/add/jenny"). The whole link is
 * reported, scheme, host and handle, so the handle is hidden with the domain (issue 12: only the
 * domain of "t.me/&lt;handle&gt;" was treated). Stateless, thread-safe.
 */
final class MessengerLinks {
    /** Hosts (without "www.") whose first path segment names a person, a chat or an invite. */
    static final Set<String> HOSTS = Set.of("t.me", "telegram.me", "telegram.dog", "wa.me", "chat.whatsapp.com",
            "api.whatsapp.com", "discord.gg", "discord.com", "discordapp.com", "instagram.com", "instagr.am",
            "snapchat.com", "tiktok.com", "kik.me", "m.me", "facebook.com", "fb.com", "fb.me", "twitter.com", "x.com",
            "reddit.com", "signal.me", "threads.net", "tumblr.com", "youtube.com", "twitch.tv", "linktr.ee");
    /** Hosts where only some paths name a person or an invite ("reddit.com/r/…" is a forum, "/u/…" a person). */
    private static final java.util.Map<String, String[]> PATH_PREFIXES = java.util.Map.of(
            "reddit.com", new String[] {"u/", "user/"},
            "discord.com", new String[] {"invite/", "users/"},
            "discordapp.com", new String[] {"invite/", "users/"},
            "youtube.com", new String[] {"@", "c/", "user/", "channel/"},
            "facebook.com", new String[] {""}, // any path but those below
            "api.whatsapp.com", new String[] {"send"});
    /** Longest host looked at, in characters (the longest above is 17). */
    private static final int MAX_HOST = 24;
    /** Longest path looked at after the host (handles and invites are far shorter). */
    static final int MAX_PATH = 80;

    private MessengerLinks() {
    }

    /**
     * Reports messenger links in {@code s}. Each "/" walks back over at most {@value #MAX_HOST} + 1
     * host characters, and the path after a listed host over at most {@value #MAX_PATH} (twice); the
     * next "/" looked at is after that path. Returns the characters read (a small multiple of the length).
     */
    static int scan(String s, ContactScanner.Found found) {
        int n = s.length();
        int steps = 0;
        for (int slash = s.indexOf('/'); slash >= 0; slash = s.indexOf('/', slash + 1)) {
            int hostStart = slash;
            while (hostStart > 0 && slash - hostStart <= MAX_HOST && isHostChar(s.charAt(hostStart - 1))) {
                hostStart--;
            }
            steps += slash - hostStart + 1;
            if (hostStart == slash || slash - hostStart > MAX_HOST
                    || (hostStart > 0 && (Character.isLetterOrDigit(s.charAt(hostStart - 1)) || s.charAt(hostStart - 1) == '@'))) {
                continue;
            }
            String host = lowerAscii(s, hostStart, slash);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            if (!HOSTS.contains(host)) {
                continue;
            }
            int end = slash + 1;
            int limit = Math.min(n, slash + 1 + MAX_PATH);
            while (end < limit && isPathChar(s.charAt(end))) {
                end++;
            }
            steps += 2 * (end - slash);
            while (end > slash + 1 && isTrailingPunctuation(s.charAt(end - 1))) {
                end--; // "t.me/jenny." ends a sentence
            }
            if (!hasLetterOrDigit(s, slash + 1, end) || !personPath(host, s, slash + 1)) {
                slash = Math.max(slash, end - 1); // no host can start in a path without letters
                continue;
            }
            int start = hostStart;
            if (start >= 3 && s.startsWith("://", start - 3)) {
                start -= 3;
                while (start > 0 && start > hostStart - 12 && isAsciiLetter(s.charAt(start - 1))) {
                    start--; // the scheme ("https")
                }
            }
            found.range(start, end);
            slash = end - 1;
        }
        return steps;
    }

    /** True if the path at {@code from} can name a person or an invite on {@code host}. */
    private static boolean personPath(String host, String s, int from) {
        String[] prefixes = PATH_PREFIXES.get(host);
        if (prefixes == null) {
            return true;
        }
        if (host.equals("facebook.com")) {
            return !s.regionMatches(true, from, "groups/", 0, 7) && !s.regionMatches(true, from, "events/", 0, 7);
        }
        for (String p : prefixes) {
            if (s.regionMatches(true, from, p, 0, p.length())) {
                return true;
            }
        }
        return false;
    }

    private static String lowerAscii(String s, int from, int to) {
        char[] c = new char[to - from];
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            c[i - from] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
        }
        return new String(c);
    }

    private static boolean isHostChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Characters of a handle, invite code or short profile path ("add/jenny", "@jenny", "+4477…"). */
    private static boolean isPathChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' || c == '@' || c == '/'
                || c == '+' || c == '~' || c == '#';
    }

    private static boolean isTrailingPunctuation(char c) {
        return c == '.' || c == '/' || c == '-';
    }

    private static boolean hasLetterOrDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (isAsciiLetter(c) || (c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }
}
