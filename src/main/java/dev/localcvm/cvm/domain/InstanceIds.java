package dev.localcvm.cvm.domain;

import dev.localcvm.api.params.IdFormat;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The InstanceIds.N shape checks every action shares (cvm-terminate.md §2 rows 1-5, our id-format split). */
public final class InstanceIds {
    public static final int MAX_PER_REQUEST = 100;
    private static final Pattern VALID = IdFormat.INSTANCE.pattern();
    /** The right alphabet but the wrong length, e.g. {@code ins-1122}: the doc's example of Malformed. */
    private static final Pattern WRONG_LENGTH = Pattern.compile("ins-[a-z0-9]+");

    private InstanceIds() {
    }

    /** Missing, then count, then each id's format, then (unless allowed) duplicates. */
    public static void check(List<String> ids, boolean allowDuplicates) {
        if (ids == null || ids.isEmpty()) {
            throw ApiException.missingParameter("InstanceIds");
        }
        if (ids.size() > MAX_PER_REQUEST) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_LIMIT_EXCEEDED,
                    "The number of `InstanceIds` is " + ids.size() + ", more than the limit " + MAX_PER_REQUEST + ".");
        }
        for (String id : ids) {
            checkFormat(id);
        }
        if (!allowDuplicates) {
            Set<String> seen = new HashSet<>();
            for (String id : ids) {
                if (!seen.add(id)) {
                    throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "The instance `" + id + "` is given more than once in `InstanceIds`.");
                }
            }
        }
    }

    public static void checkFormat(String id) {
        if (VALID.matcher(id).matches()) {
            return;
        }
        throw ApiException.of(WRONG_LENGTH.matcher(id).matches() ? ErrorCode.INVALID_INSTANCE_ID_MALFORMED
                : ErrorCode.INVALID_PARAMETER_VALUE_INSTANCE_ID_MALFORMED, id);
    }
}
