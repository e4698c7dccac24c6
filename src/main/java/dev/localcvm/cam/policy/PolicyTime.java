package dev.localcvm.cam.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times of {@code qcs:current_time} conditions. CAM documents the key as ISO 8601 in UTC and writes its own examples
 * as {@code 2022-05-31 00:00:00}; both are read, a time without an offset being UTC, and a bare date meaning its
 * midnight UTC.
 */
final class PolicyTime {
    private PolicyTime() {
    }

    /** @throws IllegalArgumentException when the text is none of the accepted forms */
    static Instant parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            if (iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "is not a time: write ISO 8601 such as 2022-05-31T00:00:00Z, or 2022-05-31 00:00:00 (UTC)");
        }
    }
}
