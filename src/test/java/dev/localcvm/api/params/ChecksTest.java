package dev.localcvm.api.params;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "未命名", "\ud83d\ude00", "a\ud83d\ude00b"})
    void wellFormedTextIsKeptAsItIs(String s) {
        assertThat(Checks.wellFormed(s)).isTrue();
        assertThat(Checks.wellFormedCopy(s)).isSameAs(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\udc00", "\ud800\ud800", "x\ude00\ud83d"})
    void unpairedSurrogatesAreReplaced(String s) {
        assertThat(Checks.wellFormed(s)).isFalse();
        String copy = Checks.wellFormedCopy(s);
        assertThat(Checks.wellFormed(copy)).isTrue();
        assertThat(copy).hasSameSizeAs(s).contains("\uFFFD");
    }

    @Test
    void aPairNextToALoneSurrogateSurvives() {
        assertThat(Checks.wellFormedCopy("\ud800\ud83d\ude00")).isEqualTo("\uFFFD\ud83d\ude00");
    }

    @Test
    void cuttingNeverSplitsAPair() {
        String s = "a".repeat(63) + "\ud83d\ude00" + "tail";
        String cut = Checks.quote(s);
        assertThat(Checks.wellFormed(cut)).isTrue();
        assertThat(cut).startsWith("a".repeat(63)).endsWith("…").doesNotContain("tail");
    }

    @Test
    void controlCharactersAreFound() {
        assertThat(Checks.hasControl("a\u0000b")).isTrue();
        assertThat(Checks.hasControl("a\u007fb")).isTrue();
        assertThat(Checks.hasControl("a\u0085b")).isTrue();
        assertThat(Checks.hasControl("tab-less 名前")).isFalse();
    }
}
