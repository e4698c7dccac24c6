package dev.localcvm.sts;

import dev.localcvm.account.ApiKey;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** What AssumeRole and GetFederationToken share: the credential triple, its expiry, the session policy's rules. */
public record Credentials(String token, String tmpSecretId, String tmpSecretKey) {
    /** The longest session policy kept (the store's column); CAM's own limit is not documented for sts. */
    static final int MAX_POLICY = 16384;
    static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,128}");

    static Credentials of(ApiKey key) {
        return new Credentials(key.token(), key.secretId(), key.secretKey());
    }

    /** ExpiredTime: Unix seconds. */
    static long expiredTime(ApiKey key) {
        return key.tokenExpiresAt().getEpochSecond();
    }

    /** Expiration: ISO 8601 in UTC, to the second ({@code 2024-01-02T03:04:05Z}). */
    static String expiration(ApiKey key) {
        Instant at = key.tokenExpiresAt().truncatedTo(ChronoUnit.SECONDS);
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /**
     * The session policy as sts takes it: URL-encoded JSON (the API documents that the client encodes it), decoded,
     * bounded and parsed with CAM's parser. A document CAM would refuse is {@code InvalidParameter.StrategyFormatError}
     * with the parser's message, which says where it is wrong.
     */
    static String sessionPolicy(String encoded) {
        String text;
        try {
            text = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.STS_STRATEGY_FORMAT, "`Policy` is not URL-encoded text: " + e.getMessage());
        }
        if (text.length() > MAX_POLICY) {
            throw new ApiException(ErrorCode.STS_POLICY_TOO_LONG,
                    "`Policy` has " + text.length() + " characters once decoded; at most " + MAX_POLICY + " are allowed.");
        }
        try {
            dev.localcvm.cam.policy.PolicyDocument.parse(text);
        } catch (ApiException e) {
            throw new ApiException(ErrorCode.STS_STRATEGY_FORMAT, "`Policy` is not a valid policy: " + e.getMessage());
        }
        return text;
    }

    /** DurationSeconds: the default when absent, else 1 to {@code max}. */
    static long duration(Long given, long byDefault, long max) {
        if (given == null) {
            return Math.min(byDefault, max);
        }
        if (given < 1) {
            throw new ApiException(ErrorCode.STS_PARAM_ERROR, "`DurationSeconds` must be a positive number of seconds.");
        }
        if (given > max) {
            throw new ApiException(ErrorCode.STS_OVER_TIME,
                    "`DurationSeconds` is " + given + "; at most " + max + " seconds are allowed here.");
        }
        return given;
    }
}
