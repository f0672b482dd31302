package org.kindred.protocol;

/** WebSocket close codes the server uses (PROTOCOL.md, Transport). */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int INVALID_PAYLOAD = 1007;
    public static final int POLICY = 1008;
    public static final int TOO_BIG = 1009;
    public static final int INTERNAL = 1011;
    public static final int BANNED = 4003;
    public static final int TOO_MANY_CONNECTIONS = 4029;

    private CloseCodes() {
    }
}
