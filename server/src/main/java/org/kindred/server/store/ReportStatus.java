package org.kindred.server.store;

/** A report is open until a moderator closes it. */
public enum ReportStatus { OPEN, CLOSED }
