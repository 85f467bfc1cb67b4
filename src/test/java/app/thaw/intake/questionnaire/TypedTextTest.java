package app.thaw.intake.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypedTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Zoë O'Brien-Ng 🌸", "مريم الحسن", "\u200Fדנה כהן\u200E (Dana)", "Łukasz Żółć",
            "👩\u200D👩\u200D👧 family", "李小龍", "🏳️\u200D🌈 \uD83E\uDEE0", "Line one\nLine two\tTabbed",
            "\u061Cمريم\u200F", "\uE000\uF8FF \uDB80\uDC00"})
    void everyScriptEmojiJoinerAndDirectionMarkIsKept(String typed) {
        assertThat(TypedText.clean(typed)).isEqualTo(typed);
        assertThat(TypedText.hasVisibleContent(typed)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Robin\\u0000Smith         | RobinSmith
            Robin\\u0007\\u001B[31mSmith | Robin[31mSmith
            Sam\\u007F\\u0085          | Sam
            Robin\\uD800Smith         | RobinSmith
            One\\r\\nTwo\\rThree        | One\\nTwo\\nThree
            Rhea \\u202Eyrrep Bidi    | Rhea yrrep Bidi
            \\u202Egnp.exe\\u202C     | gnp.exe
            \\u2067Sam\\u2069 \\u202Ax\\u202B | Sam x
            """)
    void controlCharactersAndBrokenHalvesAreRemoved(String typed, String kept) {
        assertThat(TypedText.clean(unescape(typed))).isEqualTo(unescape(kept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"e\u0301lodie", "\u1100\u1161\u11A8", "A\u030A"})
    void textIsKeptNfcNormalised(String decomposed) {
        String kept = TypedText.clean(decomposed);
        assertThat(kept).isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC)).isNotEqualTo(decomposed);
        assertThat(Normalizer.isNormalized(kept, Normalizer.Form.NFC)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u200B\u200B", "\u00A0\u2003\u3000", "\uFEFF", "\u200D\u200C\u2060",
            "\u3164\uFFA0", "\u2800", "\t\n\r", "\u202E\u202C\u200E\u200F", "\u034F\uFE0F", "\uDB40\uDC20",
            "\u00AD", "\u180E", "\u0000\u0007"})
    void whitespaceAndInvisibleCharactersAloneAreNoAnswer(String invisible) {
        assertThat(TypedText.hasVisibleContent(invisible)).isFalse();
        assertThat(TypedText.hasVisibleContent(invisible + ".")).isTrue();
    }

    /** CsvSource can't hold control characters, so the table spells them as \\uXXXX, \\r and \\n. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && (s.charAt(i + 1) == 'r' || s.charAt(i + 1) == 'n')) {
                out.append(s.charAt(i + 1) == 'r' ? '\r' : '\n');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
