package org.kindred.server.text;

/**
 * Turns fuzzer bytes into text, for the {@code @FuzzTest}s of the text, moderation and crisis
 * packages. Bytes are read as UTF-8, except that three-byte forms of surrogates (ED A0..BF xx) give
 * those lone surrogates and any other malformed byte gives the character of the same number
 * (Latin-1), so every byte string is some text, every text (lone surrogates included) has a byte
 * form, and seed files are readable UTF-8.
 */
public final class FuzzInput {
    private FuzzInput() {
    }

    /** The text of {@code bytes} (see the class comment). */
    public static String text(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? (b <= 0xEF ? 2 : -1) : b >= 0xC2 && b <= 0xDF ? 1 : 0;
            if (b < 0x80 || need <= 0 || i + need >= bytes.length) {
                out.append((char) b);
                i++;
                continue;
            }
            int cp = b & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
            if (!ok || cp < min || cp > 0x10FFFF) {
                out.append((char) b);
                i++;
                continue;
            }
            out.appendCodePoint(cp); // a surrogate code point gives that lone surrogate char
            i += need + 1;
        }
        return out.toString();
    }

    /** The byte form of {@code text} that {@link #text(byte[])} reads back (for writing seeds). */
    public static byte[] bytes(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            }
        }
        return out.toByteArray();
    }
}
