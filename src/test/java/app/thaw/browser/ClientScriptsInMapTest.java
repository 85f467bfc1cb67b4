package app.thaw.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every piece of client-side code Thaw's own classes send — scripts, element calls, Lit templates, DOM event filters
 * and keyboard shortcuts — has its compiled function in the strict CSP's map. Browser tests record the map, but only
 * for the actions they take: an action no test took (a shortcut, a dialog's focus call) did nothing in production,
 * twice. This reads the source, so a new call site fails here until a browser test has used it in recording mode.
 */
class ClientScriptsInMapTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final List<String> MODIFIERS = List.of("Shift", "Control", "Alt", "Meta");

    private static List<List<String>> map;
    private static List<CallSite> sites;

    record CallSite(String where, String kind, String code, Predicate<List<String>> compiled) {

        @Override
        public String toString() {
            return where + " " + kind + ": " + code;
        }
    }

    @BeforeAll
    static void readSourceAndMap() throws IOException {
        map = FlowFunctionMap.read();
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);
        sites = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                CompilationUnit unit = StaticJavaParser.parse(file);
                unit.findAll(MethodCallExpr.class).forEach(call -> callSite(unit, file, call).ifPresent(sites::add));
            }
        }
    }

    @Test
    void everyClientSideCallOfTheAppsOwnCodeIsCompiledInTheMap() {
        assertThat(sites.stream().filter(site -> map.stream().noneMatch(site.compiled())).map(CallSite::toString))
                .as("not in src/test/resources/csp/flow-functions.json — drive each in a browser test and record the"
                        + " map (-Dthaw.csp.record=true -Dthaw.security.strict-csp=false, docs/security.md)")
                .isEmpty();
    }

    @Test
    void theReaderFindsEachKindOfCallSite() {
        assertThat(sites).extracting(CallSite::kind)
                .contains("script", "element call", "Lit template", "event filter", "shortcut");
        assertThat(sites).hasSizeGreaterThanOrEqualTo(30)
                .anyMatch(site -> site.kind().equals("shortcut") && site.code().equals("Alt+KeyT"))
                .anyMatch(site -> site.kind().equals("script") && site.code().contains("#factors"));
    }

    @Test
    void aShortcutWithAnotherModifierIsNotTakenForTheRecordedOne() {
        Predicate<List<String>> altJ = shortcut(List.of("KeyJ"), List.of("Alt"));
        Predicate<List<String>> shiftJ = shortcut(List.of("KeyJ"), List.of("Shift"));
        assertThat(map).anyMatch(altJ).noneMatch(shiftJ);
    }

    private static Optional<CallSite> callSite(CompilationUnit unit, Path file, MethodCallExpr call) {
        String where = MAIN.relativize(file) + ":" + call.getBegin().map(begin -> begin.line).orElse(0);
        List<Expression> arguments = call.getArguments();
        return switch (call.getNameAsString()) {
            case "executeJs" -> Optional.of(readable(where, constant(unit, arguments.getFirst())))
                    .map(script -> new CallSite(where, "script", script, entry -> body(entry).contains(script)));
            case "callJsFunction" -> Optional.of(readable(where, constant(unit, arguments.getFirst())))
                    .map(function -> new CallSite(where, "element call", function,
                            entry -> body(entry).contains("$0." + function + "(")));
            case "of" -> call.getScope().filter(scope -> scope.toString().endsWith("LitRenderer"))
                    .flatMap(scope -> constant(unit, arguments.getFirst()))
                    .map(template -> new CallSite(where, "Lit template", template,
                            entry -> body(entry).equals("return html`" + template + "`")));
            case "setFilter" -> constant(unit, arguments.getFirst()).map(filter -> new CallSite(where,
                    "event filter", filter, entry -> body(entry).equals("return (" + filter + ")")));
            case "addShortcutListener", "addClickShortcut", "addFocusShortcut" -> shortcutSite(where, arguments);
            default -> Optional.empty();
        };
    }

    private static Optional<CallSite> shortcutSite(String where, List<Expression> arguments) {
        List<String> keys = List.of();
        List<String> modifiers = new ArrayList<>();
        for (Expression argument : arguments) {
            String text = argument.toString();
            if (text.matches("(.*\\.)?Key\\.[A-Z_0-9]+")) {
                keys = List.of(keyName(text.substring(text.lastIndexOf('.') + 1)));
            } else if (argument instanceof MethodCallExpr of && text.matches("(.*\\.)?Key\\.of\\(.*")) {
                keys = of.getArguments().stream().map(key -> ((StringLiteralExpr) key).asString()).toList();
            } else if (text.matches("(.*\\.)?KeyModifier\\.[A-Z_]+")) {
                modifiers.add(KeyModifier.valueOf(text.substring(text.lastIndexOf('.') + 1)).getKeys().getFirst());
            }
        }
        if (keys.isEmpty()) {
            throw new AssertionError(where + ": a shortcut whose key this test cannot read; name it as Key.X");
        }
        String key = String.join("/", keys);
        String code = modifiers.isEmpty() ? key : String.join("+", modifiers) + "+" + key;
        return Optional.of(new CallSite(where, "shortcut", code, shortcut(keys, modifiers)));
    }

    /** Flow's filter for a shortcut: the key by code or name, then each modifier held or not. */
    private static Predicate<List<String>> shortcut(List<String> keys, List<String> modifiers) {
        String quoted = "['" + String.join("','", keys) + "']";
        return entry -> {
            String body = body(entry);
            return body.startsWith("return ((" + quoted + ".indexOf(event.code) !== -1 || " + quoted
                    + ".indexOf(event.key) !== -1)")
                    && MODIFIERS.stream().allMatch(modifier -> body.contains("&& "
                            + (modifiers.contains(modifier) ? "" : "!") + "event.getModifierState('" + modifier + "')"));
        };
    }

    private static String readable(String where, Optional<String> code) {
        return code.orElseThrow(() -> new AssertionError(where + ": client-side code this test cannot read; pass it"
                + " as a literal or a constant of the class"));
    }

    private static String keyName(String field) {
        try {
            return ((Key) Key.class.getField(field).get(null)).getKeys().getFirst();
        } catch (ReflectiveOperationException unknown) {
            throw new AssertionError("no Key." + field, unknown);
        }
    }

    /** The string an argument always has: literals, text blocks, their concatenation, or a constant of the class. */
    private static Optional<String> constant(CompilationUnit unit, Expression expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return Optional.of(literal.asString());
        }
        if (expression instanceof TextBlockLiteralExpr block) {
            return Optional.of(block.translateEscapes());
        }
        if (expression instanceof BinaryExpr sum && sum.getOperator() == BinaryExpr.Operator.PLUS) {
            return constant(unit, sum.getLeft()).flatMap(left -> constant(unit, sum.getRight()).map(left::concat));
        }
        if (expression.isNameExpr()) {
            String name = expression.asNameExpr().getNameAsString();
            return unit.findAll(VariableDeclarator.class, field -> field.getNameAsString().equals(name)).stream()
                    .findFirst().flatMap(VariableDeclarator::getInitializer)
                    .flatMap(initializer -> constant(unit, initializer));
        }
        return Optional.empty();
    }

    private static String body(List<String> entry) {
        return entry.getLast();
    }
}
