package app.thaw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every block of the stylesheets is closed where it should be. A browser forgives a missing brace silently: a merge
 * once left a phone-only media query open, and the 140 lines after it (privacy, disclosure review) applied on phones
 * only, with no test failing.
 */
class StylesheetBracesTest {

    @Test
    void everyBlockOfEveryStylesheetIsClosedAndNothingIsClosedTwice() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> sheets = Files.walk(Path.of("frontend", "styles"))) {
            for (Path sheet : sheets.filter(p -> p.toString().endsWith(".css")).toList()) {
                problems.addAll(problems(sheet.toString(), Files.readString(sheet)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsABlockLeftOpenAndOneClosedTwice() {
        assertThat(problems("open.css", "@media (max-width: 600px) {\n  .a { color: red; }\n\n.b { margin: 0; }\n"))
                .containsExactly("open.css: the block opened on line 1 is never closed");
        assertThat(problems("closed.css", ".a { color: red; }\n}\n"))
                .containsExactly("closed.css: line 2 closes a block that was never opened");
        assertThat(problems("fine.css", "/* { */ .a::before { content: \"}\"; }\n")).isEmpty();
    }

    /** Unbalanced braces outside comments and strings, named by line. */
    static List<String> problems(String name, String css) {
        List<String> problems = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                end = end < 0 ? css.length() : end + 1;
                line += (int) css.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = css.indexOf(c, i + 1);
                i = end < 0 ? css.length() : end;
            } else if (c == '{') {
                open.add(line);
            } else if (c == '}') {
                if (open.isEmpty()) {
                    problems.add(name + ": line " + line + " closes a block that was never opened");
                } else {
                    open.removeLast();
                }
            }
        }
        open.forEach(at -> problems.add(name + ": the block opened on line " + at + " is never closed"));
        return problems;
    }
}
