package org.kindred.server.store;

/** A held message waits for a moderator, who approves or rejects it. */
public enum HeldStatus { PENDING, APPROVED, REJECTED }
