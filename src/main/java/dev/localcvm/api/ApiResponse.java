package dev.localcvm.api;

/**
 * A rendered envelope and what the access log and metrics need to know of it.
 *
 * @param action the action name when known, else null
 * @param accountUin the caller's account when authenticated, else null
 * @param errorCode the error code, or null on success
 */
public record ApiResponse(String requestId, ResponseBody body, String action, String accountUin, String errorCode) {
}
