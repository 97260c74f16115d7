package dev.shrink.solvers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The package layering of the solvers' main sources, from their text: the {@code import} lines and fully qualified
 * {@code dev.shrink.solvers.…} names in code (comments and string literals are stripped first, so a Javadoc mention is
 * not a dependency). The rules: the engines ({@code .cd}, {@code .newton}, {@code .quasinewton}, {@code .proximal},
 * {@code .internal}, {@code .matrix}, {@code .krylov}) never
 * use {@code dev.shrink.solvers}, {@code .path} or {@code .cv}; {@code dev.shrink.solvers} uses only engines; {@code .path}
 * uses the estimators and the engines, not {@code .cv}; and the package graph has no cycle.
 *
 * <p>The sources are found through the system property {@code shrink.projectRoot} (surefire sets it to the Maven
 * project root) or else the working directory (surefire runs in the module's directory).
 */
class PackageLayeringTest {
    private static final String ROOT = "dev.shrink.solvers";
    private static final Set<String> ENGINES = Set.of(ROOT + ".cd", ROOT + ".newton", ROOT + ".quasinewton", ROOT + ".proximal", ROOT + ".internal", ROOT + ".glm",
            ROOT + ".group", ROOT + ".bayes", ROOT + ".matrix", ROOT + ".krylov");
    private static final Set<String> API = Set.of(ROOT, ROOT + ".path", ROOT + ".cv");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?(dev\\.shrink\\.solvers(?:\\.[a-z_][a-z0-9_]*)*)\\.(?:[A-Z*][\\w.*]*)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])(dev\\.shrink\\.solvers(?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z]\\w*");

    /** Package → the other solvers packages its sources use. */
    private static Map<String, Set<String>> graph;
    private static int files;

    @BeforeAll
    static void readTheSources() throws IOException {
        Path sources = sourceRoot();
        graph = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sources.resolve("dev/shrink/solvers"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                String pkg = packageOf(text, f);
                graph.computeIfAbsent(pkg, k -> new TreeSet<>()).addAll(dependencies(text, pkg));
                files++;
            }
        }
    }

    private static Path sourceRoot() {
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("shrink.projectRoot");
        if (root != null && !root.isBlank()) {
            candidates.add(Path.of(root, "solvers", "src", "main", "java"));
            candidates.add(Path.of(root, "src", "main", "java"));
        }
        Path cwd = Path.of(System.getProperty("user.dir"));
        candidates.add(cwd.resolve("src/main/java"));
        candidates.add(cwd.resolve("solvers/src/main/java"));
        for (Path c : candidates) if (Files.isRegularFile(c.resolve("dev/shrink/solvers/Ridge.java"))) return c;
        throw new AssertionError("solvers sources not found; tried " + candidates);
    }

    private static String packageOf(String text, Path file) {
        Matcher m = PACKAGE.matcher(stripCommentsAndStrings(text));
        if (!m.find()) throw new AssertionError("no package declaration in " + file);
        return m.group(1);
    }

    /** The solvers packages other than {@code pkg} that a source's code names. */
    static Set<String> dependencies(String text, String pkg) {
        String code = stripCommentsAndStrings(text);
        Set<String> out = new TreeSet<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) out.add(m.group(1));
        // qualified names in code (the package name of the declaration itself is not followed by a type)
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) out.add(q.group(1));
        out.remove(pkg);
        return out;
    }

    /** The text with comments, string and character literals (text blocks included) blanked out. */
    static String stripCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c) j += s.charAt(j) == '\\' ? 2 : 1;
                i = Math.min(n, j + 1);
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A cycle of the graph as a list of packages (first = last), or null. */
    static List<String> findCycle(Map<String, Set<String>> g) {
        Map<String, Integer> state = new HashMap<>(); // 1: on the stack, 2: done
        Deque<String> stack = new ArrayDeque<>();
        for (String start : g.keySet()) {
            List<String> c = visit(start, g, state, stack);
            if (c != null) return c;
        }
        return null;
    }

    private static List<String> visit(String node, Map<String, Set<String>> g, Map<String, Integer> state, Deque<String> stack) {
        Integer s = state.get(node);
        if (s != null && s == 2) return null;
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (java.util.Iterator<String> it = stack.descendingIterator(); it.hasNext(); ) {
                String p = it.next();
                in |= p.equals(node);
                if (in) cycle.add(p);
            }
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        stack.push(node);
        for (String next : g.getOrDefault(node, Set.of())) {
            List<String> c = visit(next, g, state, stack);
            if (c != null) return c;
        }
        stack.pop();
        state.put(node, 2);
        return null;
    }

    @Test
    void theSourcesWereFoundAndRead() {
        assertTrue(files >= 40, "only " + files + " source files read");
        assertEquals(new TreeSet<>(Set.of(ROOT, ROOT + ".path", ROOT + ".cv", ROOT + ".cd", ROOT + ".newton", ROOT + ".quasinewton", ROOT + ".proximal", ROOT + ".internal",
                        ROOT + ".glm", ROOT + ".group", ROOT + ".bayes", ROOT + ".matrix", ROOT + ".krylov")),
                graph.keySet(), "the packages of the solvers: a new one must be classified here as API or engine");
        // edges the code is known to have: the parser sees imports and qualified names
        assertTrue(graph.get(ROOT).contains(ROOT + ".cd"), "ElasticNet imports cd.LeastSquaresProblem: " + graph);
        assertTrue(graph.get(ROOT + ".cv").contains(ROOT + ".path"), "ElasticNetCV imports path.ElasticNetPath: " + graph);
        assertTrue(graph.get(ROOT + ".group").contains(ROOT + ".proximal"), "GroupLogistic imports proximal.LogisticLoss: " + graph);
        assertTrue(graph.get(ROOT + ".newton").contains(ROOT + ".quasinewton"), "LogisticSolver imports quasinewton.Lbfgs: " + graph);
    }

    @Test
    void enginesDoNotUseTheApi() {
        for (String engine : ENGINES) {
            Set<String> used = new TreeSet<>(graph.getOrDefault(engine, Set.of()));
            used.retainAll(API);
            assertTrue(used.isEmpty(), engine + " uses " + used);
        }
    }

    @Test
    void theApiPackagesAreLayered() {
        for (String p : graph.get(ROOT)) assertTrue(ENGINES.contains(p), ROOT + " uses " + p + ": only engines allowed");
        assertFalse(graph.get(ROOT + ".path").contains(ROOT + ".cv"), ROOT + ".path uses " + ROOT + ".cv");
    }

    @Test
    void thePackageGraphIsAcyclic() {
        List<String> cycle = findCycle(graph);
        if (cycle != null) fail("package cycle: " + String.join(" → ", cycle));
    }

    /** The parser and the cycle finder themselves, on made-up input: they must be able to see what they look for. */
    @Test
    void theCheckerSeesImportsQualifiedNamesAndCycles() {
        String source = """
                package dev.shrink.solvers.cd;
                import dev.shrink.solvers.internal.Thresholds;
                import static dev.shrink.solvers.proximal.LogisticLoss.sigmoid;
                import java.util.List; // import dev.shrink.solvers.path.Hidden;
                /** {@link dev.shrink.solvers.cv.CvResult} in a comment is not a dependency */
                class A {
                    String s = "dev.shrink.solvers.Ridge";
                    char c = '"';
                    dev.shrink.solvers.newton.NewtonLogistic n;
                    Object o = dev.shrink.solvers.cd.GramColumns.class;
                }
                """;
        assertEquals(Set.of(ROOT + ".internal", ROOT + ".proximal", ROOT + ".newton"), dependencies(source, ROOT + ".cd"));
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("c"));
        g.put("c", Set.of("a"));
        g.put("d", Set.of("a"));
        List<String> cycle = findCycle(g);
        assertEquals(List.of("a", "b", "c", "a"), cycle);
        g.put("c", Set.of());
        assertNull(findCycle(g));
    }
}
