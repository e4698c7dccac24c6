package dev.localcvm.cam;

import dev.localcvm.api.params.Checks;
import dev.localcvm.cam.policy.PolicyDocument;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CAM's field rules and limits, in one place (see the README's CAM notes for which come from CAM's documentation and
 * which are localcvm's choice where it is silent). Each check refuses with CAM's code and the parameter's name.
 */
public final class CamRules {
    /** CAM's "use limits" page: per root account, and per user, group and role. */
    public static final int MAX_USERS = 1000;
    public static final int MAX_GROUPS = 300;
    public static final int MAX_ROLES = 1000;
    public static final int MAX_CUSTOM_POLICIES = 1500;
    public static final int MAX_GROUPS_PER_USER = 10;
    public static final int MAX_USERS_PER_GROUP = 100;
    public static final int MAX_ATTACHED = 200;
    /** OperationDenied.AccessKeyOverLimit: every user, the root included, holds at most two API keys. */
    public static final int MAX_KEYS = 2;
    /** The description's limit in InvalidParameter.DescriptionLengthOverlimit's own words: 300 bytes. */
    public static final int MAX_DESCRIPTION_BYTES = 300;

    /** Letters, digits and {@code + = , . @ _ -}: the characters CAM's names are made of. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private CamRules() {
    }

    /** CAM's time format ({@code 2024-05-01 08:00:00}), in UTC like the other products' times here. */
    public static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }

    public static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.missingParameter(name);
        }
        return value;
    }

    public static <T> T required(String name, T value) {
        if (value == null) {
            throw ApiException.missingParameter(name);
        }
        return value;
    }

    /** A sub-user's name: 1-64 of {@link #NAME}'s characters. */
    public static String userName(String name) {
        required("Name", name);
        if (Checks.length(name) > 64 || !NAME.matcher(name).matches()) {
            throw ApiException.of(ErrorCode.CAM_USER_NAME_ILLEGAL, Checks.quote(name));
        }
        return name;
    }

    /** A policy's name: 1-128 of {@link #NAME}'s characters. */
    public static String policyName(String param, String name) {
        required(param, name);
        if (Checks.length(name) > 128 || !NAME.matcher(name).matches()) {
            throw ApiException.of(ErrorCode.CAM_POLICY_NAME_ERROR, Checks.quote(name));
        }
        return name;
    }

    /** A role's name: 1-128 of {@link #NAME}'s characters. */
    public static String roleName(String param, String name) {
        required(param, name);
        if (Checks.length(name) > 128 || !NAME.matcher(name).matches()) {
            throw ApiException.of(ErrorCode.CAM_ROLE_NAME_ERROR, Checks.quote(name));
        }
        return name;
    }

    /** A group's name: 1-64 characters, none of them a control character. */
    public static String groupName(String name) {
        required("GroupName", name);
        text("GroupName", name, 64);
        return name;
    }

    /** Free text (a remark): at most {@code max} characters, no control characters. */
    public static String text(String param, String value, int max) {
        if (value == null) {
            return null;
        }
        String problem = Checks.problem(value, max);
        if (problem != null) {
            throw param(param, problem);
        }
        return value;
    }

    /** A policy's or role's Description: at most 300 bytes of UTF-8, no control characters. */
    public static String description(String value) {
        if (value == null) {
            return null;
        }
        text("Description", value, MAX_DESCRIPTION_BYTES);
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_DESCRIPTION_BYTES) {
            throw new ApiException(ErrorCode.CAM_DESCRIPTION_TOO_LONG, ErrorCode.CAM_DESCRIPTION_TOO_LONG.message(null));
        }
        return value;
    }

    /** A policy document, checked by CAM's policy syntax (its length included). */
    public static PolicyDocument document(String value) {
        return PolicyDocument.parse(required("PolicyDocument", value));
    }

    /** A 0-or-1 switch (ConsoleLogin, UseApi, Force, ...); absent is {@code absent}. */
    public static long flag(String param, Long value, long absent) {
        if (value == null) {
            return absent;
        }
        if (value != 0 && value != 1) {
            throw param(param, "must be 0 or 1");
        }
        return value;
    }

    /** Digits only, 1 to {@code max} of them (PhoneNum, CountryCode). */
    public static String digits(String param, String value, int max) {
        if (value != null && (value.length() > max || !DIGITS.matcher(value).matches())) {
            throw param(param, "must be 1 to " + max + " digits");
        }
        return value;
    }

    public static String email(String value) {
        if (value != null && (value.length() > 128 || !EMAIL.matcher(value).matches())) {
            throw param("Email", "must be an email address of at most 128 characters");
        }
        return value;
    }

    /**
     * A console password, when one is given: 8 to 32 characters holding an upper- and a lower-case letter, a digit
     * and a special character (CAM's default password rule).
     */
    public static String password(String value) {
        if (value == null) {
            return null;
        }
        boolean upper = value.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
        boolean lower = value.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        boolean digit = value.chars().anyMatch(c -> c >= '0' && c <= '9');
        boolean special = value.chars().anyMatch(c -> c > ' ' && c < 127 && !Character.isLetterOrDigit(c));
        boolean printable = value.chars().allMatch(c -> c > ' ' && c < 127);
        if (value.length() < 8 || value.length() > 32 || !upper || !lower || !digit || !special || !printable) {
            throw new ApiException(ErrorCode.CAM_PASSWORD_VIOLATED_RULES, "`Password` must be 8 to 32 printable "
                    + "characters with an upper- and a lower-case letter, a digit and a special character.");
        }
        return value;
    }

    /** A positive id (PolicyId, GroupId, a uin). */
    public static long id(String param, Long value, ErrorCode code) {
        required(param, value);
        if (value <= 0) {
            throw ApiException.of(code, value);
        }
        return value;
    }

    /** Exactly one of two alternative parameters (RoleId or RoleName, PolicyId or PolicyName). */
    public static void oneOf(String a, Object va, String b, Object vb) {
        if ((va == null) == (vb == null)) {
            throw param(a, "or `" + b + "` must be given, and not both");
        }
    }

    public static <T> List<T> count(String param, List<T> values, int min, int max) {
        if (values == null || values.size() < min) {
            throw ApiException.missingParameter(param);
        }
        if (values.size() > max) {
            throw param(param, "may have at most " + max + " elements");
        }
        return values;
    }

    /** CAM's generic refusal of a parameter's value: InvalidParameter.ParamError naming the parameter. */
    public static ApiException param(String param, String problem) {
        return new ApiException(ErrorCode.CAM_PARAM_ERROR, "`" + param + "` " + problem + ".");
    }

    /**
     * Page/Rp paging: Page from 1 (default 1), Rp from 1 to {@code maxRp} (default 20); CAM's ListPolicies also
     * bounds Page by 200.
     */
    public record Page(long page, long rp) {
        public static Page of(Long page, Long rp, long maxPage, long maxRp) {
            long p = page == null ? 1 : page;
            long r = rp == null ? 20 : rp;
            if (p < 1 || p > maxPage) {
                throw param("Page", "must be between 1 and " + maxPage);
            }
            if (r < 1 || r > maxRp) {
                throw param("Rp", "must be between 1 and " + maxRp);
            }
            return new Page(p, r);
        }

        public <T> List<T> slice(List<T> all) {
            long from = (page - 1) * rp;
            if (from >= all.size()) {
                return List.of();
            }
            return all.subList((int) from, (int) Math.min(all.size(), from + rp));
        }
    }
}
