package dev.localcvm.error;

/**
 * The one exception type for an API error. Code below the gateway throws it; the gateway renders it
 * into the response envelope. No stack trace is filled in: it is control flow, not a fault.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final String wireCode;

    public ApiException(ErrorCode code) {
        this(code, code.message(null));
    }

    public ApiException(ErrorCode code, String message) {
        this(code, code.code(), message);
    }

    private ApiException(ErrorCode code, String wireCode, String message) {
        super(message, null, false, false);
        this.code = code;
        this.wireCode = wireCode;
    }

    /** An error with the code's message filled in with its subject (usually an instance id). */
    public static ApiException of(ErrorCode code, Object subject) {
        return new ApiException(code, code.message(subject));
    }

    /**
     * An error that fault injection asked for. Any code string may be injected, also one this
     * enum does not hold, so the wire code is kept as given.
     */
    public static ApiException injected(String wireCode) {
        ErrorCode known = ErrorCode.fromCode(wireCode);
        return new ApiException(known, wireCode,
                known != null ? known.message(null) : "The error `" + wireCode + "` was injected.");
    }

    /** The enum constant, or null for an injected code the enum does not hold. */
    public ErrorCode code() {
        return code;
    }

    /** The code string sent on the wire. */
    public String wireCode() {
        return wireCode;
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
