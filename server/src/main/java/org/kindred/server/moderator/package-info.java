/**
 * Moderator accounts and what surrounds them, as plain services with no transport code:
 * {@link org.kindred.server.moderator.PasswordHasher} (PBKDF2-HMAC-SHA256),
 * {@link org.kindred.server.moderator.AccountService} (accounts, bootstrap),
 * {@link org.kindred.server.moderator.TokenService} (login tokens, failed-login limits),
 * {@link org.kindred.server.moderator.Fingerprinter} (keyed hashes of client addresses),
 * {@link org.kindred.server.moderator.AuditLog} and the admin sub-command
 * {@link org.kindred.server.moderator.ModeratorsCommand}. No log line of this package holds
 * a password, token, address or message text.
 */
package org.kindred.server.moderator;
