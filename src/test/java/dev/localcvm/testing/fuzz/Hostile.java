package dev.localcvm.testing.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/** The values a hostile or careless client sends: broken Unicode, control characters, huge and odd numbers. */
final class Hostile {
    private static final List<String> STRINGS = List.of(
            "\ud800", "\udc00", "a\ud800b", "\udc00\ud800", "ins-\ud800", "\u0000", "ins-0000\u00000",
            "\u0001\u0002\u001f\u007f", "\t\r\n", "\r\nX-Injected: 1", "\uD83D\uDE00\uD83D\uDE80", "\uD840\uDF0E",
            "\u202e\u200b\ufeff", "\uffff\ufffe", "\u00e9\u4e2d\u6587", "", " ", "null", "true", "-1", "0",
            "1e400", "99999999999999999999", "9223372036854775808", "-9223372036854775809", "0x10", "1.5",
            "NaN", "Infinity", "S5.MEDIUM99999999999999999999", "S5.MEDIUM-1", "S5.MEDIUM0", "S5.SMALL1",
            "S5.HUGE4", "SA2.LARGE99999999999", "S5.MEDIUM4", "S5.MEDIUM" + "9".repeat(40),
            "ap-guangzhou-99999999999999999999", "ap-guangzhou-3", "ap-shanghai-2", "img-pmqg1cw7", "img-",
            "img-" + "a".repeat(300), "ins-", "INS-ABCDEFGH", "ins-abcdefgh", "ins-ABCDEFGH", "ins-00000000",
            "ins-zzzzzzzz", "ins-" + "a".repeat(5000), "ins-1234567", "ins-123456789", "%", "%00", "%zz", "&=&",
            "a=b&c=d", "+", "../../etc/passwd", "' OR '1'='1", "\"}", "\\", "{\"A\":1}", "[1]",
            "POSTPAID_BY_HOUR", "PREPAID", "SPOTPAID", "KEEP_CHARGING", "STOP_CHARGING", "SOFT", "HARD",
            "SOFT_FIRST", "instance-name", "zone", "instance-id", "instance-state", "creation-start-time",
            "2026-13-45 25:61:61", "1970-01-01 00:00:00", "9999-12-31T23:59:59Z");

    private Hostile() {
    }

    /** What broke parsers and stores before, drawn often: broken surrogates, NUL, numbers too big for a long. */
    private static final List<String> SHARP = List.of("\ud800", "\udc00", "fuzz\ud800", "\u0000", "fuzz\u0000",
            "S5.MEDIUM99999999999999999999", "99999999999999999999", "\uD83D\uDE00", "ins-" + "a".repeat(5000));

    static String string(SplittableRandom random, List<String> foreignIds) {
        int r = random.nextInt(100);
        if (r >= 60) {
            return SHARP.get(random.nextInt(SHARP.size()));
        }
        if (r < 3) {
            // 100 KB strings are slow to send and store; a few are enough.
            return (random.nextBoolean() ? "x" : "\u00e9").repeat(100 * 1024);
        }
        if (r < 8 && !foreignIds.isEmpty()) {
            return foreignIds.get(random.nextInt(foreignIds.size()));
        }
        if (r < 14) {
            return randomChars(random, random.nextInt(1, 40));
        }
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    /** The value with its digits made too big for any integer type, or such a number added to it. */
    static String withHugeNumber(SplittableRandom random, String value) {
        String huge = List.of("99999999999999999999", "9223372036854775808", "2147483648", "-1", "0",
                "1" + "0".repeat(400)).get(random.nextInt(6));
        if (value.matches(".*[0-9].*") && random.nextBoolean()) {
            return value.replaceAll("[0-9]+", huge);
        }
        return value + huge;
    }

    /** Any UTF-16 code units, lone surrogates and controls included. */
    static String randomChars(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(5);
            sb.append((char) switch (kind) {
                case 0 -> random.nextInt(0, 0x20);
                case 1 -> random.nextInt(0x20, 0x7f);
                case 2 -> random.nextInt(0xD800, 0xE000);
                case 3 -> random.nextInt(0x80, 0x800);
                default -> random.nextInt(0x800, 0x10000);
            });
        }
        return sb.toString();
    }

    /** A placeholder for a structure nested deep; how deep is weighted toward what parsers must survive. */
    static String deep(SplittableRandom random) {
        char kind = "aom".charAt(random.nextInt(3));
        int depth = List.of(64, 999, 1001, 3000, 10_000, 20_000, 100_000).get(random.nextInt(7));
        return Text.deep(kind, depth);
    }
}
