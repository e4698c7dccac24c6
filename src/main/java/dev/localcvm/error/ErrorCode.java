package dev.localcvm.error;

/**
 * Every error code localcvm answers, with its default message. Messages follow the live service's
 * wording where one was captured (api3-protocol.md §9.2); they are not contractual.
 */
public enum ErrorCode {
    ACTION_OFFLINE("ActionOffline", "The API has been deprecated."),
    AUTH_INVALID_AUTHORIZATION("AuthFailure.InvalidAuthorization", "The Authorization header is invalid."),
    AUTH_INVALID_SECRET_ID("AuthFailure.InvalidSecretId", "The SecretId is not an API key."),
    AUTH_MFA_FAILURE("AuthFailure.MFAFailure", "MFA verification failed."),
    AUTH_SECRET_ID_NOT_FOUND("AuthFailure.SecretIdNotFound",
            "The SecretId is not found, please ensure that your SecretId is correct."),
    AUTH_SIGNATURE_EXPIRE("AuthFailure.SignatureExpire", "The signature is expired, please request again."),
    AUTH_SIGNATURE_FAILURE("AuthFailure.SignatureFailure",
            "The provided credentials could not be validated. Please check your signature is correct."),
    AUTH_TOKEN_FAILURE("AuthFailure.TokenFailure", "The token is invalid."),
    AUTH_UNAUTHORIZED_OPERATION("AuthFailure.UnauthorizedOperation", "The request is not authorized."),
    DRY_RUN_OPERATION("DryRunOperation", "The request would have succeeded, but DryRun was set."),
    FAILED_OPERATION("FailedOperation", "The operation failed."),
    INTERNAL_ERROR("InternalError", "An internal error occurred."),
    INVALID_ACTION("InvalidAction", "The request `Action` is invalid or not found."),
    INVALID_PARAMETER("InvalidParameter", "A parameter is invalid."),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", "Incorrect parameter value."),
    INVALID_REQUEST("InvalidRequest", "The multipart request body is not supported."),
    IP_IN_BLACKLIST("IpInBlacklist", "The caller's IP address is in the blacklist."),
    IP_NOT_IN_WHITELIST("IpNotInWhitelist", "The caller's IP address is not in the whitelist."),
    LIMIT_EXCEEDED("LimitExceeded", "A quota was exceeded."),
    MISSING_PARAMETER("MissingParameter", "The request is missing a required parameter."),
    NO_SUCH_PRODUCT("NoSuchProduct", "The product does not exist."),
    NO_SUCH_VERSION("NoSuchVersion", "The API version does not exist."),
    REQUEST_LIMIT_EXCEEDED("RequestLimitExceeded", "Your current request times equals to `%d` in a second, "
            + "which exceeds the frequency limit `%d` for a second. Please reduce the frequency of calls."),
    REQUEST_SIZE_LIMIT_EXCEEDED("RequestSizeLimitExceeded", "The request size exceeds the limit."),
    RESPONSE_SIZE_LIMIT_EXCEEDED("ResponseSizeLimitExceeded", "The response size exceeds the limit."),
    SERVICE_UNAVAILABLE("ServiceUnavailable", "The service is temporarily unavailable."),
    UNAUTHORIZED_OPERATION("UnauthorizedOperation", "The request is not authorized."),
    UNKNOWN_PARAMETER("UnknownParameter", "The parameter is not recognized."),
    UNSUPPORTED_OPERATION("UnsupportedOperation", "Unsupported operation."),
    UNSUPPORTED_PROTOCOL("UnsupportedProtocol", "Only GET and POST requests are supported."),
    UNSUPPORTED_REGION("UnsupportedRegion", "The region is not supported by this API.");

    private final String code;
    private final String defaultMessage;

    ErrorCode(String code, String defaultMessage) {
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    public String code() {
        return code;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The enum constant for a wire code, or null; used by fault injection and tests. */
    public static ErrorCode fromCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
