package dev.localcvm.error;

/**
 * The one exception type for an API error. Code below the gateway throws it; the gateway renders it
 * into the response envelope. No stack trace is filled in: it is control flow, not a fault.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;

    public ApiException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ApiException missingParameter(String name) {
        return new ApiException(ErrorCode.MISSING_PARAMETER,
                "The request is missing a required parameter `" + name + "`.");
    }

    public static ApiException typeError(String name) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, "Parameter `" + name + "` type error.");
    }

    public static ApiException unknownParameter(String name) {
        return new ApiException(ErrorCode.UNKNOWN_PARAMETER, "The parameter `" + name + "` is not recognized.");
    }
}
