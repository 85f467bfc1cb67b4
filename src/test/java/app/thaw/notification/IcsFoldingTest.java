package app.thaw.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5545 folding by octets: names with accents, other scripts and emoji never exceed a line or split a character. */
class IcsFoldingTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "é", "ł", "€", "語", "😀", "𝄞"})
    void aCharacterCountsTheOctetsUtf8GivesIt(String character) {
        assertThat(IcsFolding.utf8Octets(character.codePointAt(0)))
                .isEqualTo(character.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void everyFoldedLineFitsInSeventyFiveOctetsAndUnfoldsToTheSameText() {
        String summary = "SUMMARY:Session with Zoë Wałęsa-Ó Súilleabháin 語語語 😀😀 " + "ą".repeat(60);
        String folded = IcsFolding.fold("BEGIN:VEVENT\r\n" + summary + "\r\nEND:VEVENT\r\n");
        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(IcsFolding.MAX_OCTETS);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo("BEGIN:VEVENT\r\n" + summary + "\r\nEND:VEVENT\r\n");
        assertThat(folded).doesNotContain("\uFFFD");
    }
}
