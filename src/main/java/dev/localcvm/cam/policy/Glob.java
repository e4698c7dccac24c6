package dev.localcvm.cam.policy;

/**
 * A wildcard pattern compiled once when a document is parsed: {@code *} stands for any run of characters (also
 * none), and, where the pattern allows it, {@code ?} for exactly one. Matching walks the two strings with one
 * backtracking point, so a request costs no regular expression and at most length(pattern) x length(text) steps.
 */
final class Glob {
    private final String pattern;
    private final boolean questionMark;
    private final boolean literal;
    private final boolean everything;

    private Glob(String pattern, boolean questionMark) {
        this.pattern = pattern;
        this.questionMark = questionMark;
        this.literal = pattern.indexOf('*') < 0 && (!questionMark || pattern.indexOf('?') < 0);
        this.everything = pattern.chars().allMatch(c -> c == '*') && !pattern.isEmpty();
    }

    /** Only {@code *} is special: CAM's action and resource wildcards. */
    static Glob star(String pattern) {
        return new Glob(pattern, false);
    }

    /** {@code *} and {@code ?}: string_like and string_not_like. */
    static Glob like(String pattern) {
        return new Glob(pattern, true);
    }

    boolean matchesEverything() {
        return everything;
    }

    boolean matches(String text) {
        if (everything) {
            return true;
        }
        if (literal) {
            return pattern.equals(text);
        }
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = 0;
        int pl = pattern.length();
        int tl = text.length();
        while (t < tl) {
            if (p < pl && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (p < pl && (pattern.charAt(p) == text.charAt(t) || questionMark && pattern.charAt(p) == '?')) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pl && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pl;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
