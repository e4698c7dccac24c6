package dev.localcvm.tag;

import dev.localcvm.api.params.Checks;
import java.util.List;
import java.util.Locale;

/**
 * What a tag may be (the tag product's limits page): a key of 1-127 characters and a value of up to 255, of
 * letters of any script, digits and {@code + - = . _ : / @ ( ) [ ] , ; > <} (full-width {@code （ ） 【 】 ：}
 * too), with spaces inside but not at either end; keys starting with a reserved prefix belong to the platform;
 * a resource holds at most 50 tags. Each product answers a broken rule with codes of its own.
 */
public final class TagRules {
    public static final int MAX_TAGS_PER_RESOURCE = 50;
    public static final int MAX_KEY = 127;
    public static final int MAX_VALUE = 255;
    private static final List<String> RESERVED_PREFIXES = List.of("qcs:", "qcloud", "tencent", "project", "项目");
    private static final String SYMBOLS = " +-=._:/@()[],;><（）【】：";

    /** What is wrong with a key or value. */
    public enum Problem { EMPTY, TOO_LONG, ILLEGAL, RESERVED }

    private TagRules() {
    }

    /** What is wrong with {@code key}, or null when nothing is. */
    public static Problem keyProblem(String key) {
        if (key.isEmpty()) {
            return Problem.EMPTY;
        }
        if (Checks.length(key) > MAX_KEY) {
            return Problem.TOO_LONG;
        }
        if (!legal(key)) {
            return Problem.ILLEGAL;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        return RESERVED_PREFIXES.stream().anyMatch(lower::startsWith) ? Problem.RESERVED : null;
    }

    /** What is wrong with {@code value}, or null when nothing is; an empty value is {@link Problem#EMPTY}. */
    public static Problem valueProblem(String value) {
        if (value.isEmpty()) {
            return Problem.EMPTY;
        }
        if (Checks.length(value) > MAX_VALUE) {
            return Problem.TOO_LONG;
        }
        return legal(value) ? null : Problem.ILLEGAL;
    }

    private static boolean legal(String s) {
        return !s.startsWith(" ") && !s.endsWith(" ")
                && s.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || SYMBOLS.indexOf(c) >= 0);
    }
}
