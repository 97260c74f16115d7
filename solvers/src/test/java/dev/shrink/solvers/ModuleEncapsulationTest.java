package dev.shrink.solvers;

import dev.shrink.kernels.KernelProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module {@code dev.shrink.solvers} as a user on the module path sees it: it exports exactly the public API
 * ({@code dev.shrink.solvers}, {@code .path}, {@code .cv}); the public API works from outside; the engines
 * ({@code .cd}, {@code .newton}, {@code .quasinewton}, {@code .proximal}, {@code .internal}, {@code .glm}) cannot be reached, not even by reflection.
 *
 * <p>Surefire runs the tests on the class path ({@code useModulePath=false} in the parent pom), where every class is in
 * the unnamed module and every public class is accessible: there the encapsulation cannot be observed. So this test
 * builds a {@link ModuleLayer} of its own from the compiled kernels and solvers (their class directories or jars,
 * found through the code sources of {@link KernelProvider} and {@link Ridge}), resolves {@code dev.shrink.solvers}
 * in it, and looks at the module from this test class, which is in the unnamed module of the class path.
 */
class ModuleEncapsulationTest {
    private static final String SOLVERS = "dev.shrink.solvers";
    private static ModuleLayer layer;
    private static Module solvers;

    @BeforeAll
    static void buildTheLayer() throws URISyntaxException {
        Path solversPath = Path.of(Ridge.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path kernelsPath = Path.of(KernelProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolve(ModuleFinder.of(kernelsPath, solversPath), ModuleFinder.of(), Set.of(SOLVERS));
        layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        solvers = layer.findModule(SOLVERS).orElseThrow();
    }

    @Test
    void exportsExactlyThePublicApi() {
        ModuleDescriptor d = solvers.getDescriptor();
        Set<String> exported = new TreeSet<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            assertFalse(e.isQualified(), e.source() + " is exported to " + e.targets() + " only: exports are for everyone or no one");
            exported.add(e.source());
        }
        assertEquals(new TreeSet<>(Set.of("dev.shrink.solvers", "dev.shrink.solvers.path", "dev.shrink.solvers.cv")), exported);
        assertTrue(d.opens().isEmpty(), "opens " + d.opens());
        // the engines are there, and hidden
        for (String engine : new String[] {"dev.shrink.solvers.cd", "dev.shrink.solvers.newton", "dev.shrink.solvers.quasinewton", "dev.shrink.solvers.proximal", "dev.shrink.solvers.internal",
                "dev.shrink.solvers.glm", "dev.shrink.solvers.group", "dev.shrink.solvers.bayes", "dev.shrink.solvers.matrix", "dev.shrink.solvers.krylov"}) {
            assertTrue(d.packages().contains(engine), "the module should hold " + engine);
            assertFalse(solvers.isExported(engine), engine + " is exported");
            assertFalse(solvers.isOpen(engine), engine + " is open");
        }
        Set<String> requires = d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertTrue(requires.contains("dev.shrink.kernels"), "requires " + requires);
    }

    /** The public API, called by reflection on the layer's classes (not the class path's): y = 1 + 2·x0 + 3·x1. */
    @Test
    void thePublicApiWorksFromOutsideTheModule() throws ReflectiveOperationException {
        ClassLoader loader = layer.findLoader(SOLVERS);
        Class<?> ridge = Class.forName("dev.shrink.solvers.Ridge", true, loader);
        assertNotSame(Ridge.class, ridge, "the layer must define its own classes");
        assertEquals(solvers, ridge.getModule());
        Object builder = ridge.getMethod("builder").invoke(null);
        builder = builder.getClass().getMethod("alpha", double.class).invoke(builder, 1e-12);
        Object estimator = builder.getClass().getMethod("build").invoke(builder);
        double[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, 1}, {0, 3}};
        double[] y = {3, 4, 6, 8, 10};
        Object model = ridge.getMethod("fit", double[][].class, double[].class).invoke(estimator, x, y);
        assertEquals(solvers, model.getClass().getModule());
        double[] coef = (double[]) model.getClass().getMethod("coef").invoke(model);
        double intercept = (double) model.getClass().getMethod("intercept").invoke(model);
        assertArrayEquals(new double[] {2, 3}, coef, 1e-9);
        assertEquals(1, intercept, 1e-9);
    }

    /**
     * A public static method of a public class in a package that is not exported
     * ({@code LeastSquaresProblem.of}): reflective access from the unnamed module fails with
     * {@link IllegalAccessException}, and the module does not let it be opened ({@code setAccessible}). The same call
     * on an exported class succeeds, so the failure is the export, not the reflection.
     */
    @Test
    void theEnginesCannotBeReachedByReflection() throws ReflectiveOperationException {
        ClassLoader loader = layer.findLoader(SOLVERS);
        Class<?> problem = Class.forName("dev.shrink.solvers.cd.LeastSquaresProblem", false, loader);
        Class<?> view = Class.forName("dev.shrink.kernels.MatrixView", true, layer.findLoader("dev.shrink.kernels"));
        assertTrue(java.lang.reflect.Modifier.isPublic(problem.getModifiers()), "the test needs a public class");
        // LeastSquaresProblem.of(MatrixView x, double[] y, double[] sampleWeight, boolean fitIntercept, ...): valid
        // arguments, so that the access check is the only thing that can fail
        Method of = java.util.Arrays.stream(problem.getMethods())
                .filter(m -> m.getName().equals("of") && m.getParameterCount() > 2 && m.getParameterTypes()[0] == view
                        && java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                .findFirst().orElseThrow(() -> new AssertionError("no public static LeastSquaresProblem.of(MatrixView, …)"));
        Object x = view.getMethod("rowMajor", double[].class, int.class, int.class).invoke(null, new double[] {1, 2, 3, 4}, 2, 2);
        Class<?>[] types = of.getParameterTypes();
        Object[] args = new Object[types.length];
        boolean firstArray = true;
        boolean firstFlag = true;
        for (int k = 0; k < types.length; k++) {
            if (types[k] == view) args[k] = x;
            else if (types[k] == double[].class) {
                args[k] = firstArray ? new double[] {1, 2} : null;
                firstArray = false;
            } else if (types[k] == boolean.class) {
                args[k] = firstFlag;
                firstFlag = false;
            } else if (types[k] == int.class) args[k] = 1;
            else args[k] = null; // the Mode: null is AUTO
        }
        assertThrows(IllegalAccessException.class, () -> of.invoke(null, args));
        assertThrows(InaccessibleObjectException.class, () -> of.setAccessible(true));
        assertFalse(of.trySetAccessible());
        // control: an exported class's public static method is reachable in the same way
        Class<?> design = Class.forName("dev.shrink.solvers.Design", true, loader);
        Object d = design.getMethod("rowMajor", double[].class, int.class, int.class).invoke(null, new double[] {1, 2, 3, 4}, 2, 2);
        assertEquals(2, design.getMethod("n").invoke(d));
        // the views the solvers take come from the kernels module, which the solvers read (requires transitive)
        assertTrue(solvers.canRead(view.getModule()));
        assertTrue(view.getModule().isExported("dev.shrink.kernels"));
    }
}
