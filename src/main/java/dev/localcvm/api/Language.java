package dev.localcvm.api;

/** The response language for localized names (X-TC-Language / Language). Messages stay English. */
public enum Language {
    EN_US, ZH_CN;

    /** {@code zh-CN} selects Chinese; any other value, or none, English (our choice). */
    public static Language of(String value) {
        return "zh-CN".equals(value) ? ZH_CN : EN_US;
    }
}
