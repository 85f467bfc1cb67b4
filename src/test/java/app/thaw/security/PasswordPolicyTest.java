package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy BUNDLED = PasswordPolicy.bundled();
    private static final PasswordPolicy.Person TOM =
            new PasswordPolicy.Person("tom", "Tom Whitfield", "tom.whitfield@thaw.example");

    @Test
    void lengthBoundariesAreTwelveAndOneHundredAndTwentyEight() {
        assertThat(BUNDLED.problem("kx7rq mwp2z", TOM)).hasValueSatisfying(m -> assertThat(m)
                .contains("at least 12").contains("this has 11"));
        assertThat(BUNDLED.problem("kx7rq mwp2zv", TOM)).isEmpty();
        assertThat(BUNDLED.problem("abcdefgh".repeat(16), TOM)).isEmpty();
        assertThat(BUNDLED.problem("abcdefgh".repeat(16) + "x", TOM)).hasValueSatisfying(m -> assertThat(m)
                .contains("at most 128").contains("this has 129"));
        assertThat(BUNDLED.problem("", TOM)).hasValueSatisfying(m -> assertThat(m).contains("12 characters"));
    }

    @Test
    void charactersAreCountedAsPeopleCountThemNotAsUtf16Units() {
        String twelveEmoji = "🌧🌈🐢🦔🍄🌻".repeat(2);
        assertThat(twelveEmoji).hasSize(24);
        assertThat(PasswordPolicy.length(twelveEmoji)).isEqualTo(12);
        assertThat(BUNDLED.problem(twelveEmoji, TOM)).isEmpty();
        assertThat(BUNDLED.problem(twelveEmoji.substring(2), TOM)).isPresent();
        // 129 astral characters are 258 UTF-16 units: still "129"
        assertThat(BUNDLED.problem("𝄞".repeat(129), TOM)).hasValueSatisfying(m -> assertThat(m).contains("129"));
    }

    @Test
    void composedAndDecomposedAccentsAreTheSamePassword() {
        String composed = "café crème brûlée";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(PasswordPolicy.normalise(decomposed)).isEqualTo(composed);
        assertThat(PasswordPolicy.length(decomposed)).isEqualTo(PasswordPolicy.length(composed)).isEqualTo(17);
        assertThat(BUNDLED.problem("ЗимняяРекаТечёт", TOM)).isEmpty();
        assertThat(BUNDLED.problem("雪の日に静かな川が流れる", TOM)).isEmpty();
    }

    @Test
    void noCompositionRules() {
        assertThat(BUNDLED.problem("correct horse battery staple", TOM)).isEmpty();
        assertThat(BUNDLED.problem("lowercaseonlywordsarefine", TOM)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1qaz2wsx3edc", "1QAZ2WSX3EDC", "qwertyuiop123", "1qaz2wsx3edc4rfv", "123456789012"})
    void theShippedListRefusesCommonLongPasswordsWhateverTheirCase(String common) {
        assertThat(BUNDLED.problem(common, TOM)).hasValueSatisfying(m -> assertThat(m).contains("common"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password2026!", "!!!password!!!", "2024monkey2024", "  iloveyou  12", "Sunshine12345"})
    void aCommonPasswordWithDigitsOrSymbolsAddedIsRefused(String decorated) {
        assertThat(BUNDLED.problem(decorated, TOM)).hasValueSatisfying(m -> assertThat(m)
                .contains("numbers or symbols added"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"            ", "\t\t\t\t\t\t\t\t\t\t\t\t", "............", "!!!!!!!!!!!!", "aaaaaaaaaaaa",
            "AaAaAaAaAaAa", "abababababab", "abcdabcdabcdabcd", "🌧🌧🌧🌧🌧🌧🌧🌧🌧🌧🌧🌧", "  ..  ..  ..  "})
    void onlySpacesOrAFewRepeatedCharactersAreRefused(String repetitive) {
        assertThat(BUNDLED.problem(repetitive, TOM)).hasValueSatisfying(m -> assertThat(m)
                .contains("isn't just spaces or repeated characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!@#$%^&*()_+", ".,;:!?-()[]{}", "~!@# $%^& *()_+=", "£$%^&*()-=+[]"})
    void onlyPunctuationSymbolsAndSpacesAreRefused(String marks) {
        assertThat(BUNDLED.problem(marks, TOM)).hasValueSatisfying(m -> assertThat(m)
                .contains("letters or numbers"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kx7rq mwp2zv", "  kx7rq mwp2zv  ", "correct horse battery staple", "rain: otters & 7 kites",
            "... quiet otter lanes ..."})
    void varietyWithSpacesAndPunctuationKeptAsTypedIsAccepted(String varied) {
        assertThat(BUNDLED.problem(varied, TOM)).isEmpty();
    }

    @Test
    void theShippedListsHoldThousandsOfEntries() {
        assertThat(BUNDLED.size()).isGreaterThan(10_000);
    }

    @Test
    void aListOfItsOwnIsMatchedIgnoringCase() {
        var policy = new PasswordPolicy(List.of("Winter Is Coming Soon", " ", ""));
        assertThat(policy.problem("winter is coming soon", TOM)).isPresent();
        assertThat(policy.problem("winter is coming later", TOM)).isEmpty();
    }

    @Test
    void thePersonsUsernameNameOrEmailAreRefused() {
        assertThat(BUNDLED.problem("my-tom-river-walks", TOM)).hasValueSatisfying(m -> assertThat(m)
                .contains("username"));
        assertThat(BUNDLED.problem("TOMWHITFIELD-2", TOM)).hasValueSatisfying(m -> assertThat(m)
                .contains("username"));
        var priya = new PasswordPolicy.Person("admin", "Priya Shah Okonkwo", "p.s.okonkwo@thaw.example");
        assertThat(BUNDLED.problem("priya shah okonkwo", priya)).hasValueSatisfying(m -> assertThat(m)
                .contains("name or email"));
        assertThat(BUNDLED.problem("P.S.Okonkwo@thaw.example", priya)).hasValueSatisfying(m -> assertThat(m)
                .contains("name or email"));
        assertThat(BUNDLED.problem("p.s.okonkwo.", priya)).isPresent();
        // a name inside a longer passphrase is fine; only the name itself is refused
        assertThat(BUNDLED.problem("priya walks by the quiet canal", priya)).isEmpty();
    }

    @Test
    void aVeryShortUsernameIsNotSearchedFor() {
        var al = new PasswordPolicy.Person("al", "Al Brown", "al@thaw.example");
        assertThat(BUNDLED.problem("quietly falling snow", al)).isEmpty();
    }
}
