package org.kindred.server.text;

import java.util.Arrays;

/** Per-thread working buffers of {@link Normalizer}; grows as needed, reused between calls. */
final class Scratch {
    // the input, copied once (reading a char array is cheaper than String.charAt)
    char[] input = new char[256];
    int inputLength;
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
    /** Loop turns of the current call (see Normalizer#normalize(String, int[])). */
    int steps;
    /**
     * Starts a new input. Afterwards there is room for one output char per input char; whoever
     * writes more than one per input char must call {@link #appendAll} (which keeps that true).
     */
    void reset(String original) {
        int length = original.length();
        if (input.length < length) {
            input = new char[Math.max(length, input.length * 2)];
        }
        original.getChars(0, length, input, 0);
        inputLength = length;
        size = 0;
        items = 0;
        steps = 0;
        ensureChars(length + 8);
    }

    /**
     * Appends the chars of {@code folded}, all produced by the original range [start, end), and
     * keeps room for {@code remainingInput} more chars.
     */
    void appendAll(String folded, int start, int end, int remainingInput) {
        ensureChars(size + folded.length() + remainingInput);
        for (int i = 0; i < folded.length(); i++) {
            chars[size] = folded.charAt(i);
            starts[size] = start;
            ends[size] = end;
            size++;
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

    int capacity() {
        return Math.max(chars.length, input.length);
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
