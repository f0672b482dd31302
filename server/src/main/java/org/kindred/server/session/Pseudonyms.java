package org.kindred.server.session;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Friendly pseudonyms for members who don't choose a nickname, e.g. "Quiet Heron". */
public final class Pseudonyms {
    private static final List<String> ADJECTIVES = List.of("Quiet", "Gentle", "Calm", "Kind", "Brave", "Bright",
            "Warm", "Steady", "Hopeful", "Patient", "Soft", "Clear", "Golden", "Silver", "Misty", "Sunny", "Mellow",
            "Tender", "Wise", "Cosy", "Easy", "Open", "Serene", "Still", "Sturdy", "Lively", "Peaceful", "Friendly");
    private static final List<String> NOUNS = List.of("Heron", "Otter", "Willow", "Fern", "Sparrow", "Robin",
            "Maple", "Cedar", "River", "Harbor", "Meadow", "Lantern", "Pebble", "Badger", "Finch", "Dolphin",
            "Birch", "Clover", "Comet", "Owl", "Panda", "Wren", "Orchid", "Puffin", "Koala", "Tide", "Brook", "Moss");

    private Pseudonyms() {
    }

    /** A random pseudonym, "Adjective Noun"; always a valid nickname under {@link NickRules}. */
    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return ADJECTIVES.get(r.nextInt(ADJECTIVES.size())) + " " + NOUNS.get(r.nextInt(NOUNS.size()));
    }

    /** Every pseudonym {@link #next()} can return (for tests). */
    static List<String> all() {
        List<String> all = new java.util.ArrayList<>(ADJECTIVES.size() * NOUNS.size());
        for (String a : ADJECTIVES) {
            for (String n : NOUNS) {
                all.add(a + " " + n);
            }
        }
        return all;
    }
}
