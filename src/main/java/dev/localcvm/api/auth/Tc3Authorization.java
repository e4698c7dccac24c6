package dev.localcvm.api.auth;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code Authorization: TC3-HMAC-SHA256 Credential=.., SignedHeaders=.., Signature=..}
 * header (api3-protocol.md §5.3 step 1). The service is kept exactly as sent.
 */
public record Tc3Authorization(String secretId, String date, String service, String signedHeaders,
                               List<String> signedHeaderNames, String signature) {
    public static final String PREFIX = "TC3-HMAC-SHA256 ";

    public static Tc3Authorization parse(String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            throw invalid("The Authorization header must start with `TC3-HMAC-SHA256`.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(PREFIX.length()).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring("SignedHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw invalid("The Authorization header needs Credential, SignedHeaders and Signature.");
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 4 || !"tc3_request".equals(scope[3]) || scope[2].isEmpty()) {
            throw invalid("The Credential must be `SecretId/Date/Service/tc3_request`.");
        }
        List<String> names = List.of(signedHeaders.split(";", -1));
        for (String name : names) {
            if (name.isEmpty() || !isLowerCase(name)) {
                throw invalid("SignedHeaders must be a list of lower-case header names.");
            }
        }
        if (!names.contains("content-type") || !names.contains("host")) {
            throw invalid("SignedHeaders must include `content-type` and `host`.");
        }
        if (!isHex64(signature)) {
            throw invalid("The Signature must be 64 hexadecimal digits.");
        }
        return new Tc3Authorization(scope[0], scope[1], scope[2], signedHeaders, names,
                signature.toLowerCase(Locale.ROOT));
    }

    /** {@code name.equals(name.toLowerCase(Locale.ROOT))}, without the copy for the usual ASCII names. */
    private static boolean isLowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128 || (c >= 'A' && c <= 'Z')) {
                return name.equals(name.toLowerCase(Locale.ROOT));
            }
        }
        return true;
    }

    /** 64 characters of {@code [0-9a-fA-F]}; a loop instead of a regular expression on every request. */
    private static boolean isHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.AUTH_INVALID_AUTHORIZATION, message);
    }
}
