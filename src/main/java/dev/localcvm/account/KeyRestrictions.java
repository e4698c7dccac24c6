package dev.localcvm.account;

import java.util.List;

/**
 * The admin switches on one credential (api3-protocol.md §9.2): actions it may not call, and whether it may only
 * read. They hold for every principal, the root included, so they act as a deny statement attached to the key.
 *
 * @param deniedActions {@code service:Action} or bare {@code Action} patterns, {@code *} matching any run of
 *                      characters; empty when nothing is denied
 * @param readOnly whether every action that may change the store is refused
 */
public record KeyRestrictions(List<String> deniedActions, boolean readOnly) {
    public static final KeyRestrictions NONE = new KeyRestrictions(List.of(), false);

    public KeyRestrictions {
        deniedActions = List.copyOf(deniedActions);
    }

    /** Whether any switch is set, so that the gateway must look at the call at all. */
    public boolean any() {
        return readOnly || !deniedActions.isEmpty();
    }

    /** Whether {@code service:action} is on the deny list. */
    public boolean denies(String service, String action) {
        for (String pattern : deniedActions) {
            int colon = pattern.indexOf(':');
            boolean matches = colon < 0 ? glob(pattern, action)
                    : glob(pattern.substring(0, colon), service) && glob(pattern.substring(colon + 1), action);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} matches any run of characters; everything else matches itself (action names are case-sensitive). */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
