package dev.switchboard.core.plugins.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.problems.Texts;
import org.junit.jupiter.api.Test;

class StepLinesTest {

    @Test
    void aNulCharacterIsKeptAsAReplacementCharacter() {
        StepLines log = new StepLines("test.plugin");

        log.info("a\u0000b");

        assertThat(log.lines()).containsExactly("INFO a\uFFFDb");
    }

    @Test
    void unpairedSurrogatesAreReplacedAndPairsKept() {
        StepLines log = new StepLines("test.plugin");

        log.warn("lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00");

        assertThat(log.lines()).containsExactly("WARN lone \uFFFD high, lone \uFFFD low, pair \uD83D\uDE00");
    }

    @Test
    void aLineCutInsideASurrogatePairIsStillStorable() {
        StepLines log = new StepLines("test.plugin");

        log.info("x".repeat(StepLines.MAX_LINE - 1) + "\uD83D\uDE00");

        String line = log.lines().get(0);
        assertThat(Texts.unstorable(line)).isNull();
        assertThat(line).isEqualTo("INFO " + "x".repeat(StepLines.MAX_LINE - 1) + "\uFFFD…");
    }

    @Test
    void storableTextIsReturnedAsItIs() {
        String text = "plain text";

        assertThat(Texts.storable(text)).isSameAs(text);
        assertThat(Texts.storable(null)).isNull();
    }
}
