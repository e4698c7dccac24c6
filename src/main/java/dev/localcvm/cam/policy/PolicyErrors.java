package dev.localcvm.cam.policy;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;

/** Refusals of a policy document: CAM's code, and a message that starts with where the document is wrong. */
final class PolicyErrors {
    private PolicyErrors() {
    }

    static ApiException at(ErrorCode code, String where, String why) {
        return new ApiException(code, where + ": " + why);
    }

    /** A JSON value quoted for a message, cut short so that a message never carries a whole document back. */
    static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return "`" + shown + "`";
    }
}
