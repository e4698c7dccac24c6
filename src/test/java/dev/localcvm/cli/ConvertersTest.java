package dev.localcvm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ConvertersTest {

    @ParameterizedTest
    @CsvSource({"0,0", "500ms,500", "2s,2000", "1m,60000", "1h,3600000", "PT1.5S,1500"})
    void transitionDelays(String text, long millis) {
        assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5", "-1s", "PT-1S", "1d"})
    void badDelaysAreRefused(String text) {
        assertThatThrownBy(() -> new DurationConverter().convert(text))
                .isInstanceOf(CommandLine.TypeConversionException.class);
    }

    @Test
    void onOff() {
        OnOffConverter c = new OnOffConverter();
        assertThat(c.convert("on")).isTrue();
        assertThat(c.convert("OFF")).isFalse();
        assertThat(c.convert("true")).isTrue();
        assertThatThrownBy(() -> c.convert("maybe")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
