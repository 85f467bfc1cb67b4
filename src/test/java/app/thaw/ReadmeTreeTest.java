package app.thaw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's "What is where" tree is how a newcomer finds their way: every path it names must exist, and every
 * feature, every part of base/ and every top-level folder of the repository must be in it.
 */
class ReadmeTreeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path FEATURES = ROOT.resolve("src/main/java/app/thaw");

    @Test
    void everyPathTheTreeNamesExists() throws IOException {
        List<String> missing = tree().entrySet().stream()
                .filter(entry -> !exists(entry.getKey()))
                .map(entry -> entry.getKey() + " (README line " + entry.getValue() + ")")
                .toList();
        assertThat(missing).as("paths in README's tree that are not in the repository").isEmpty();
    }

    @Test
    void everyFeatureEveryPartOfBaseAndEveryTopLevelFolderIsInTheTree() throws IOException {
        var named = tree().keySet();
        List<String> expected = new ArrayList<>();
        expected.addAll(directories(FEATURES, "src/main/java/app/thaw/"));
        expected.addAll(directories(FEATURES.resolve("base"), "src/main/java/app/thaw/base/"));
        expected.addAll(topLevelFolders().stream().filter(dir -> !dir.startsWith(".")).toList());
        assertThat(expected).as("folders missing from README's tree")
                .allSatisfy(dir -> assertThat(named).anyMatch(path -> path.equals(dir) || path.startsWith(dir)));
    }

    /** Each path the tree names, resolved from its indentation, with the README line it is on. */
    private static Map<String, Integer> tree() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("## What is where");
        assertThat(start).as("README has a 'What is where' section").isNotNegative();
        int open = lines.subList(start, lines.size()).indexOf("```") + start;
        int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
        Map<String, Integer> paths = new TreeMap<>();
        List<String> parents = new ArrayList<>();
        for (int i = open + 1; i < close; i++) {
            String line = lines.get(i);
            int indent = line.length() - line.stripLeading().length();
            String names = line.strip().split(" {2,}")[0];
            if (line.isBlank() || indent >= 20 || names.isEmpty()) {
                continue; // a description carried on to the next line
            }
            int depth = indent / 2;
            String parent = depth == 0 || parents.size() < depth ? "" : parents.get(depth - 1);
            for (String name : names.split(" ")) {
                String path = parent + name;
                paths.putIfAbsent(path, i + 1);
                if (name.endsWith("/")) {
                    while (parents.size() > depth) {
                        parents.removeLast();
                    }
                    parents.add(path);
                }
            }
        }
        return paths;
    }

    private static boolean exists(String path) {
        Path file = ROOT.resolve(path);
        // the tree names classes without .java (PracticeTime)
        return Files.exists(file) || Files.exists(ROOT.resolve(path + ".java"));
    }

    /** The top-level folders git tracks (`git ls-files`); without git, those on disk but the build's own. */
    private static List<String> topLevelFolders() throws IOException {
        try {
            Process git = new ProcessBuilder("git", "ls-files").directory(ROOT.toFile()).redirectErrorStream(true)
                    .start();
            List<String> files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .toList();
            if (git.waitFor() == 0 && !files.isEmpty()) {
                return files.stream().filter(file -> file.contains("/"))
                        .map(file -> file.substring(0, file.indexOf('/') + 1)).distinct().sorted().toList();
            }
        } catch (IOException e) {
            // no git on this machine: fall back to the folders on disk
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return directories(ROOT, "").stream().filter(dir -> !List.of("target/", "node_modules/").contains(dir))
                .toList();
    }

    private static List<String> directories(Path dir, String prefix) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(child -> prefix + child.getFileName() + "/").sorted()
                    .toList();
        }
    }
}
