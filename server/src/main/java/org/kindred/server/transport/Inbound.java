package org.kindred.server.transport;

/**
 * What the transport hands upward for each WebSocket connection: its text frames and its
 * closing. Called on the connection's event loop, one call at a time per connection; must not
 * block.
 */
public interface Inbound {

    /** One complete text frame from the client, as received (not yet decoded). */
    void onText(Connection c, String frame);

    /** The connection closed (by either side). */
    void onClosed(Connection c);
}
