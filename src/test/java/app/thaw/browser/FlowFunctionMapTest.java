package app.thaw.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The strict CSP's function map is exactly what its list says (no hand edits, nothing lost), and every entry is a
 * plain parameter list and a body. {@code -Dthaw.csp.regenerate=true} rewrites the script from the list (after an
 * entry was removed from it, say).
 */
class FlowFunctionMapTest {

    @Test
    void theShippedScriptIsBuiltFromTheRecordedList() throws Exception {
        List<List<String>> entries = FlowFunctionMap.read();
        if (Boolean.getBoolean("thaw.csp.regenerate")) {
            FlowFunctionMap.write(entries);
        }
        assertThat(Files.readString(FlowFunctionMap.SCRIPT)).isEqualTo(FlowFunctionMap.render(entries));
    }

    @Test
    void everyEntryNamesItsParametersAndHasABody() {
        assertThat(FlowFunctionMap.read()).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry).isNotEmpty();
            assertThat(entry.subList(0, entry.size() - 1))
                    .allMatch(parameter -> parameter.matches("[$A-Za-z_][$\\w]*(\\s*,\\s*[$A-Za-z_][$\\w]*)*"));
        });
    }

    @Test
    void theScriptKeepsEveryRecordedFunctionAndFallsBackToTheBrowsersOwn() {
        String script = FlowFunctionMap.render(List.of(List.of("$0", "return $0.focus()")));
        assertThat(script).contains("[[\"$0\",\"return $0.focus()\"],\nfunction ($0) {\nreturn $0.focus()\n}],")
                .contains("window.Function = Prebuilt").contains("Reflect.construct(Original, arguments)")
                .contains("console.error('thaw-csp-missing-function ' + key)");
    }
}
