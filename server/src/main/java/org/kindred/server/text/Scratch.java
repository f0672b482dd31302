package org.kindred.server.text;

import java.util.Arrays;

/** Per-thread working buffers of {@link Normalizer}; grows as needed, reused between calls. */
final class Scratch {
    // step 1 output: folded chars with their original ranges
    char[] chars = new char[256];
    int[] starts = new int[256];
    int[] ends = new int[256];
    int size;
    // step 3: items (letter or digit runs) over chars
    int[] itemStart = new int[64];
    int[] itemEnd = new int[64];
    boolean[] isLetter = new boolean[64];
    byte[] join = new byte[64];
    int items;
    void reset(int inputLength) {
        size = 0;
        items = 0;
        ensureChars(inputLength + 8);
    }

    void append(char ch, int start, int end) {
        ensureChars(size + 1);
        chars[size] = ch;
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    void appendAll(String folded, int start, int end) {
        for (int i = 0; i < folded.length(); i++) {
            append(folded.charAt(i), start, end);
        }
    }

    /** A dropped character belongs to the character before it, if any. */
    void extendLast(int end) {
        if (size > 0) {
            ends[size - 1] = end;
        }
    }

    void addItem(int start, int end, boolean letter) {
        if (items == itemStart.length) {
            int cap = items * 2;
            itemStart = Arrays.copyOf(itemStart, cap);
            itemEnd = Arrays.copyOf(itemEnd, cap);
            isLetter = Arrays.copyOf(isLetter, cap);
            join = Arrays.copyOf(join, cap);
        }
        itemStart[items] = start;
        itemEnd[items] = end;
        isLetter[items] = letter;
        items++;
    }

    private void ensureChars(int needed) {
        if (needed > chars.length) {
            int cap = Math.max(needed, chars.length * 2);
            chars = Arrays.copyOf(chars, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
        }
    }
}
