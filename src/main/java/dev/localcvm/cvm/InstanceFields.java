package dev.localcvm.cvm;

import dev.localcvm.api.params.Checks;
import dev.localcvm.api.params.IdFormat;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rules for the instance attributes that both RunInstances and ModifyInstancesAttribute set, as the CVM
 * documentation states them. Whatever passes here is stored and shown by every later read.
 */
final class InstanceFields {
    static final Pattern SECURITY_GROUP_ID = IdFormat.SECURITY_GROUP.pattern();
    static final int MAX_SECURITY_GROUPS = 5;
    static final int MAX_USER_DATA_BYTES = 16 * 1024;
    private static final Pattern CAM_ROLE_NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,128}");
    private static final Pattern LINUX_HOST_NAME = Pattern.compile("[A-Za-z0-9]([.-]?[A-Za-z0-9])*");
    private static final Pattern WINDOWS_HOST_NAME = Pattern.compile("[A-Za-z0-9]([-]?[A-Za-z0-9])*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private InstanceFields() {
    }

    /** A name of at most {@code max} characters, without control characters. */
    static void instanceName(String value, int max) {
        Checks.text("InstanceName", value, max, ErrorCode.INVALID_INSTANCE_NAME_TOO_LONG);
    }

    /**
     * Linux: 2-60 letters, digits, dots and hyphens, a dot or hyphen neither first, last nor doubled. Windows:
     * 2-15 letters, digits and hyphens, not only digits.
     */
    static void hostName(String value, boolean windows) {
        if (value == null) {
            return;
        }
        boolean ok = windows
                ? value.length() >= 2 && value.length() <= 15 && WINDOWS_HOST_NAME.matcher(value).matches()
                        && !DIGITS.matcher(value).matches()
                : value.length() >= 2 && value.length() <= 60 && LINUX_HOST_NAME.matcher(value).matches();
        if (!ok) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_ILLEGAL_HOST_NAME, "`HostName` `"
                    + Checks.quote(value) + "` is illegal: " + (windows
                    ? "a Windows host name is 2-15 letters, digits and hyphens (not only digits; no hyphen first or last)."
                    : "a Linux host name is 2-60 letters, digits, dots and hyphens (no dot or hyphen first, last or twice in a row)."));
        }
    }

    static void camRoleName(String value) {
        if (value != null && !CAM_ROLE_NAME.matcher(value).matches()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_CAM_ROLE_NAME_MALFORMED,
                    "`CamRoleName` `" + Checks.quote(value) + "` is malformed: at most 128 letters, digits and +=,.@_-.");
        }
    }

    static void securityGroups(String name, List<String> ids) {
        if (ids == null) {
            return;
        }
        Checks.ids(ids, SECURITY_GROUP_ID, ErrorCode.INVALID_SG_ID_MALFORMED);
        if (ids.size() > MAX_SECURITY_GROUPS) {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED_ASSOCIATE_USG,
                    "`" + name + "` may name at most " + MAX_SECURITY_GROUPS + " security groups.");
        }
    }

    /** Base64 of at most 16 KB. */
    static void userData(String value) {
        if (value == null) {
            return;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_USER_DATA_FORMAT, "`UserData` must be base64.");
        }
        if (decoded.length > MAX_USER_DATA_BYTES) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`UserData` may be at most 16 KB.");
        }
    }
}
