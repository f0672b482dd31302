package org.kindred.protocol;

/** Limits announced in {@code welcome}. */
public record Limits(int maxText, double ratePerSec, int burst) {
}
