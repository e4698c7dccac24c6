package dev.localcvm.api.params;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The field checks every product's actions share: each refuses with the parameter's name in the message and
 * otherwise returns, so that an action's validation reads as a list of rules.
 */
public final class Checks {
    /** A dotted-quad IPv4 address. */
    public static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    /** How much of a caller's value an error message repeats. */
    private static final int QUOTED = 64;

    private Checks() {
    }

    /** Whether {@code s} is well-formed UTF-16 (every surrogate paired), i.e. encodable as UTF-8. */
    public static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} with every unpaired surrogate replaced by U+FFFD; {@code s} itself when there is none. */
    public static String wellFormedCopy(String s) {
        if (s == null || wellFormed(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A caller's value as an error message repeats it: well-formed and cut short. */
    public static String quote(String value) {
        String s = wellFormedCopy(value);
        return cut(s, QUOTED);
    }

    /** At most about {@code max} chars of well-formed {@code s}, never splitting a surrogate pair. */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }

    /** Whether {@code s} holds a control character (C0, DEL or C1), which no name or label may hold. */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Length in code points, as the API counts characters. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Why {@code value} is not plain text of at most {@code maxChars} characters: free text that ends up in the
     * store and in answers (account names, OS names, fault codes) must survive UTF-8 on every store, so it holds
     * no unpaired surrogate, and no control character (they break logs and consoles). Null when it is.
     */
    public static String problem(String value, int maxChars) {
        if (!wellFormed(value)) {
            return "contains an unpaired surrogate";
        }
        if (hasControl(value)) {
            return "contains a control character";
        }
        return length(value) > maxChars ? "is longer than " + maxChars + " characters" : null;
    }

    /** At most {@code max} characters, no control characters; refused with {@code tooLong} when too long. */
    public static void text(String name, String value, int max, ErrorCode tooLong) {
        if (value == null) {
            return;
        }
        if (length(value) > max) {
            throw new ApiException(tooLong, "`" + name + "` may be at most " + max + " characters.");
        }
        if (hasControl(value)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "`" + name + "` must not contain control characters.");
        }
    }

    /** One of the documented values. */
    public static void oneOf(String name, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`" + name + "` `" + quote(value)
                    + "` is not one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
    }

    /** Within [min, max], else {@code InvalidParameterValue.Range}. */
    public static void range(String name, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_RANGE,
                    "`" + name + "` must be between " + min + " and " + max + ".");
        }
    }

    /** Describe paging: {@code Offset} at least 0, {@code Limit} 1-100. */
    public static void page(Long offset, Long limit) {
        range("Offset", offset, 0, Long.MAX_VALUE);
        range("Limit", limit, 1, 100);
    }

    /** Every element matches {@code format}, else {@code code} with the element as its subject. */
    public static void ids(List<String> values, Pattern format, ErrorCode code) {
        if (values != null) {
            values.forEach(v -> id(v, format, code));
        }
    }

    /** The value matches {@code format}, else {@code code} with the value as its subject. */
    public static void id(String value, Pattern format, ErrorCode code) {
        if (value != null && !format.matcher(value).matches()) {
            throw ApiException.of(code, quote(value));
        }
    }

    /** At most {@code max} elements, else {@code InvalidParameterValue.LimitExceeded}. */
    public static void count(String name, List<?> values, int max) {
        if (values != null && values.size() > max) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_LIMIT_EXCEEDED,
                    "`" + name + "` may have at most " + max + " elements.");
        }
    }
}
