package dev.localcvm.api;

import java.util.List;

/**
 * A rendered envelope and what the access log and metrics need to know of it.
 *
 * @param parts the body: these arrays one after the other (one, unless the body is large); never changed
 * @param action the action name when known, else null
 * @param accountUin the caller's account when authenticated, else null
 * @param errorCode the error code, or null on success
 */
public record ApiResponse(String requestId, List<byte[]> parts, String action, String accountUin, String errorCode) {
    public ApiResponse(String requestId, byte[] body, String action, String accountUin, String errorCode) {
        this(requestId, List.of(body), action, accountUin, errorCode);
    }

    /** The body as one array (a copy when it is in several parts). */
    public byte[] body() {
        return concat(parts);
    }

    /** The body's length in bytes. */
    public int length() {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        return n;
    }

    static byte[] concat(List<byte[]> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
