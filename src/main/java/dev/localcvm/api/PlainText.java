package dev.localcvm.api;

/**
 * Free text that ends up in the store and in answers (account names, OS names, fault codes): it must survive
 * UTF-8 on every store and in every JSON answer, so unpaired surrogates are refused (they have no UTF-8 form),
 * and so are control characters (they break logs and consoles) and text longer than its column.
 */
public final class PlainText {
    private PlainText() {
    }

    /**
     * Why {@code value} is not plain text of at most {@code maxChars} characters (code points), or null when
     * it is.
     */
    public static String problem(String value, int maxChars) {
        int chars = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("contains an unpaired surrogate (\\u%04x)", (int) c);
            } else if (Character.isISOControl(c)) {
                return String.format("contains a control character (\\u%04x)", (int) c);
            }
            if (++chars > maxChars) {
                return "is longer than " + maxChars + " characters";
            }
        }
        return null;
    }
}
