package dev.localcvm.api;

import java.util.Map;

/**
 * One HTTP request as the gateway sees it: nothing decoded yet, so signatures can be checked
 * against the bytes as sent.
 *
 * @param headers first value of each header, keyed by lower-case name
 * @param rawQuery the query string exactly as received, or null
 */
public record RawRequest(String method, String rawQuery, Map<String, String> headers, byte[] body,
                         String remoteAddress) {
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
