package dev.shrink.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the report measures, for each mode. Sizes follow the issues' targets: dot of 4096 doubles, Xw / Xᵀr and the
 * Gram of 20000×500, Cholesky at p = 2000, each swept from cache-resident to memory-bound in the full run.
 *
 * <p>The scalar reference runs at every size in the full run and only at the small sizes in the quick run (a scalar
 * Gram of 20000×500 takes seconds per call, which the 5-minute budget cannot afford).
 */
final class Suite {
    private Suite() {}

    enum Mode { TOY, QUICK, FULL }

    /** Our kernel benchmarks; classes named *Large repeat another class's method at one big size and are left out. */
    static final String OURS = "^dev\\.shrink\\.bench\\.kernels\\.(?!\\w+Large\\.)\\w+\\.";
    static final String EJML = "^dev\\.shrink\\.bench\\.peers\\.EjmlBenchmark\\.";
    static final String OPENBLAS = "^dev\\.shrink\\.bench\\.peers\\.OpenBlasBenchmark\\.";
    static final String PEAK = "^dev\\.shrink\\.bench\\.PeakFlopsBenchmark\\.fma$";
    static final List<String> CORETYPES = List.of("Haswell", "SkylakeX");

    /**
     * float32 rows: our kernel benchmarks run at every precision here once they declare a {@code precision} parameter
     * (JMH ignores a parameter a benchmark does not declare, so until then this adds nothing); their rows are named
     * {@code vector-256-f32} etc. ({@link KernelRows#implementation}) and sit beside the float64 ones in every table.
     */
    static final String PRECISION = "precision";
    static final String FLOAT32 = "float32";
    static final List<String> PRECISIONS = List.of("float64", FLOAT32);

    /** JMH settings of the kernel benchmarks in each mode. */
    static Step.Timing timing(Mode mode) {
        return switch (mode) {
            case TOY -> new Step.Timing(0, 0, 0, 1, 100);
            case QUICK -> new Step.Timing(1, 3, 300, 4, 150);
            case FULL -> new Step.Timing(1, 3, 500, 5, 500);
        };
    }

    /** The steps of a mode; {@code openblasCoretypes} are the core types to run OpenBLAS with (empty: skip it). */
    static List<Step> steps(Mode mode, List<String> openblasCoretypes) {
        Step.Timing timing = timing(mode);
        List<Step> steps = new ArrayList<>();
        boolean full = mode == Mode.FULL;
        if (mode == Mode.TOY) {
            steps.add(new Step("peak", List.of(PEAK), params("bits", "256"), null, timing));
            kernel(steps, "dot", List.of("64"), null, List.of("scalar", "vector-256"), true, openblasCoretypes, timing, full);
            return steps;
        }
        steps.add(new Step("peak", List.of(PEAK), params("bits", "256", "512"), null, timing));
        List<String> all = List.of("scalar", "vector-256", "vector-512");
        List<String> fast = List.of("vector-256", "vector-512");
        // The quick run keeps what the issues' targets name: dot 4096, Xᵀr and the Gram of 20000×500, Cholesky 2000,
        // the Gram on two threads; axpy and Xw join in the full run.
        for (String kernel : full ? List.of("dot", "axpy") : List.of("dot")) {
            List<String> sizes = full ? List.of("64", "4096", "262144", "4194304")
                    : List.of("4096");
            for (String n : sizes) kernel(steps, kernel, List.of(n), null, all, kernel.equals("dot"), openblasCoretypes, timing, full);
        }
        List<String[]> mv = full ? List.of(new String[] {"2000", "100"}, new String[] {"20000", "500"}, new String[] {"10000", "1000"})
                : List.<String[]>of(new String[] {"20000", "500"});
        for (String kernel : full ? List.of("xw", "xtr") : List.of("xtr")) {
            for (String[] s : mv) kernel(steps, kernel, List.of(s[0]), s[1], all, false, openblasCoretypes, timing, full);
        }
        List<String[]> gram = full ? List.of(new String[] {"2000", "100"}, new String[] {"20000", "500"}, new String[] {"10000", "1000"})
                : List.<String[]>of(new String[] {"2000", "100"}, new String[] {"20000", "500"});
        for (String[] s : gram) {
            boolean small = s[0].equals("2000");
            // EJML's multTransA takes seconds per call at 20000x500: the quick run shows it at the small size only.
            kernel(steps, "gram", List.of(s[0]), s[1], full || small ? all : fast, full || small, openblasCoretypes, timing, full);
        }
        List<String> chol = full ? List.of("100", "500", "2000") : List.of("2000");
        for (String p : chol) {
            boolean small = !p.equals("2000");
            kernel(steps, "cholesky", null, p, full || small ? all : fast, true, openblasCoretypes, timing, full);
        }
        // Two threads: our parallel Gram and Xᵀr against OpenBLAS on two threads.
        for (String kernel : full ? List.of("gram", "xtr") : List.of("gram")) {
            Map<String, List<String>> p = params("n", "20000");
            p.put("p", List.of("500"));
            p.put("threads", List.of("1", "2"));
            p.put("impl", fast);
            steps.add(new Step(kernel + " 20000x500, 1 and 2 threads", List.of(OURS + kernel + "Parallel$"), p, null, timing));
            for (String core : openblasCoretypes) {
                Map<String, List<String>> q = params("n", "20000");
                q.put("p", List.of("500"));
                q.put("threads", List.of("2"));
                q.put("coretype", List.of(core));
                steps.add(new Step(kernel + " 20000x500, openblas-" + core + ", 2 threads", List.of(OPENBLAS + kernel + "$"), q, core, timing));
            }
        }
        if (full) {
            // Every other kernel benchmark at its own default sizes.
            steps.add(new Step("other kernels (their own sizes)",
                    List.of(OURS + "(?!(dot|axpy|xw|xtr|gram|cholesky|gramParallel|xtrParallel)$)\\w+$"),
                    params("impl", "scalar", "vector-256", "vector-512"), null, timing));
        }
        return steps;
    }

    /** Ours (with the given implementations), EJML where it has the kernel, and OpenBLAS per core type, at one shape. */
    private static void kernel(List<Step> steps, String kernel, List<String> n, String p, List<String> impls, boolean ejml,
                               List<String> coretypes, Step.Timing timing, boolean full) {
        Map<String, List<String>> shape = new LinkedHashMap<>();
        if (n != null) shape.put("n", n);
        if (p != null) shape.put("p", List.of(p));
        String label = kernel + " " + (n != null && p != null ? n.get(0) + "x" + p : n != null ? n.get(0) : p);
        Map<String, List<String>> ours = new LinkedHashMap<>(shape);
        ours.put("impl", impls);
        ours.put(PRECISION, PRECISIONS);
        if (!full) ours.put("layout", List.of("ROW_MAJOR"));   // the quick run compares with the (row-major) peers only
        List<String> includes = new ArrayList<>(List.of(OURS + kernel + "$"));
        if (ejml) includes.add(EJML + kernel + "$");
        steps.add(new Step(label, includes, ours, null, timing));
        for (String core : coretypes) {
            Map<String, List<String>> blas = new LinkedHashMap<>(shape);
            blas.put("coretype", List.of(core));
            blas.put("threads", List.of("1"));
            steps.add(new Step(label + ", openblas-" + core, List.of(OPENBLAS + kernel + "$"), blas, core, timing));
        }
    }

    private static Map<String, List<String>> params(String key, String... values) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(key, List.of(values));
        return m;
    }
}
