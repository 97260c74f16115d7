package dev.shrink.bench.peers;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The system OpenBLAS (BLAS through its CBLAS interface, LAPACK {@code dpotrf_}, {@code dsyev_} and {@code dsyevd_}
 * through the Fortran one), called with
 * {@code java.lang.foreign}: no JNI, no native build.
 *
 * <p>Arrays are passed as heap segments of the caller's {@code double[]} through critical downcalls
 * ({@link Linker.Option#critical(boolean) critical(true)}), so OpenBLAS works on exactly the arrays the Java kernels
 * use, without copies. Critical calls hold off the garbage collector for their duration, which is fine for a benchmark.
 *
 * <p>OpenBLAS reads {@code OPENBLAS_CORETYPE} once when the library loads: a JVM sees one core type for its lifetime.
 * {@link #load()} returns empty when no library is found, with the reason in {@link #unavailableReason()}.
 */
@SuppressWarnings("restricted") // the foreign-function calls into OpenBLAS are the point of this class
public final class OpenBlas {

    /** Where Debian and most distributions put it; {@code -Dshrink.openblas=PATH} takes precedence. */
    static final List<String> CANDIDATES = List.of(
            "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
            "/lib/x86_64-linux-gnu/libopenblas.so.0",
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "/usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblas.so.0",
            "/usr/lib/x86_64-linux-gnu/openblas-serial/libopenblas.so.0",
            "/usr/lib64/libopenblas.so.0",
            "/usr/lib/libopenblas.so.0",
            "/usr/local/lib/libopenblas.so.0",
            "/opt/homebrew/opt/openblas/lib/libopenblas.dylib");

    // CBLAS enums (cblas.h).
    static final int ROW_MAJOR = 101;
    static final int NO_TRANS = 111;
    static final int TRANS = 112;
    static final int UPPER = 121;
    static final int LOWER = 122;

    private static final class Holder {
        static final OpenBlas INSTANCE;
        static final String REASON;

        static {
            OpenBlas instance = null;
            String reason = null;
            Path path = find();
            if (path == null) {
                reason = "no OpenBLAS library found (install Debian package libopenblas0-pthread, or set -Dshrink.openblas=PATH)";
            } else {
                try {
                    instance = new OpenBlas(path);
                } catch (RuntimeException | LinkageError e) {
                    reason = "could not bind " + path + ": " + e;
                }
            }
            INSTANCE = instance;
            REASON = reason;
        }
    }

    private final Path path;
    private final MethodHandle ddot;
    private final MethodHandle daxpy;
    private final MethodHandle dgemv;
    private final MethodHandle dsyrk;
    private final MethodHandle dpotrf;
    private final MethodHandle dsyev;
    private final MethodHandle dsyevd;
    private final MethodHandle setNumThreads;
    private final MethodHandle getConfig;
    private final MethodHandle getCorename;

    private OpenBlas(Path path) {
        this.path = path;
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup(path, Arena.global());
        Linker.Option critical = Linker.Option.critical(true);
        ddot = linker.downcallHandle(symbol(lib, "cblas_ddot"),
                FunctionDescriptor.of(JAVA_DOUBLE, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT), critical);
        daxpy = linker.downcallHandle(symbol(lib, "cblas_daxpy"),
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT), critical);
        dgemv = linker.downcallHandle(symbol(lib, "cblas_dgemv"),
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT,
                        ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT), critical);
        dsyrk = linker.downcallHandle(symbol(lib, "cblas_dsyrk"),
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS,
                        JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT), critical);
        // Fortran: every argument by reference, plus gfortran's hidden length of the character argument.
        dpotrf = linker.downcallHandle(symbol(lib, "dpotrf_"),
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG), critical);
        // dsyev_(jobz, uplo, n, a, lda, w, work, lwork, info) and dsyevd_(…, work, lwork, iwork, liwork, info), + 2 lengths
        dsyev = linker.downcallHandle(symbol(lib, "dsyev_"), FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG), critical);
        dsyevd = linker.downcallHandle(symbol(lib, "dsyevd_"), FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG), critical);
        setNumThreads = linker.downcallHandle(symbol(lib, "openblas_set_num_threads"), FunctionDescriptor.ofVoid(JAVA_INT));
        getConfig = linker.downcallHandle(symbol(lib, "openblas_get_config"), FunctionDescriptor.of(ADDRESS));
        getCorename = linker.downcallHandle(symbol(lib, "openblas_get_corename"), FunctionDescriptor.of(ADDRESS));
    }

    private static MemorySegment symbol(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new IllegalStateException("symbol " + name + " not exported"));
    }

    private static Path find() {
        String forced = System.getProperty("shrink.openblas", "");
        if (!forced.isBlank()) {
            Path p = Path.of(forced.trim());
            return Files.isReadable(p) ? p : null;
        }
        for (String candidate : CANDIDATES) {
            Path p = Path.of(candidate);
            if (Files.isReadable(p)) return p;
        }
        return null;
    }

    /** The library, loaded and bound once per JVM; empty when absent. */
    public static Optional<OpenBlas> load() {
        return Optional.ofNullable(Holder.INSTANCE);
    }

    /** Why {@link #load()} is empty, or null when it is not. */
    public static String unavailableReason() {
        return Holder.REASON;
    }

    /** The shared library in use. */
    public Path path() {
        return path;
    }

    /** {@code openblas_get_config()}, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64". */
    public String config() {
        return string(getConfig);
    }

    /** The kernel family OpenBLAS selected at load time ({@code openblas_get_corename()}), e.g. "Haswell", "SkylakeX". */
    public String coreName() {
        return string(getCorename);
    }

    /** Number of threads OpenBLAS uses from now on (1 for single-thread measurements). */
    public void setNumThreads(int threads) {
        try {
            setNumThreads.invokeExact(threads);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** cblas_ddot on {@code x[xOffset ..]}, {@code y[yOffset ..]}, unit strides. */
    public double ddot(int n, double[] x, int xOffset, double[] y, int yOffset) {
        try {
            return (double) ddot.invokeExact(n, at(x, xOffset), 1, at(y, yOffset), 1);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** cblas_daxpy: y ← αx + y, unit strides. */
    public void daxpy(int n, double alpha, double[] x, int xOffset, double[] y, int yOffset) {
        try {
            daxpy.invokeExact(n, alpha, at(x, xOffset), 1, at(y, yOffset), 1);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * cblas_dgemv on a row-major m×k matrix {@code a} with leading dimension lda: y ← A·x ({@code transposed=false},
     * x has k elements, y has m) or y ← Aᵀ·x ({@code transposed=true}, x has m, y has k).
     */
    public void dgemv(boolean transposed, int m, int k, double[] a, int lda, double[] x, double[] y) {
        try {
            dgemv.invokeExact(ROW_MAJOR, transposed ? TRANS : NO_TRANS, m, k, 1.0, at(a, 0), lda, at(x, 0), 1, 0.0,
                    at(y, 0), 1);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * The Gram G ← XᵀX of a row-major n×p matrix (cblas_dsyrk, transposed, lower triangle of row-major G; the strict
     * upper triangle is not written — OpenBLAS does half the work of a full product, n·p² flops).
     */
    public void gram(int n, int p, double[] x, int ldx, double[] g, int ldg) {
        try {
            dsyrk.invokeExact(ROW_MAJOR, LOWER, TRANS, p, n, 1.0, at(x, 0), ldx, 0.0, at(g, 0), ldg);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * LAPACK dpotrf on a row-major p×p matrix whose lower triangle holds A: the factor L overwrites that lower triangle,
     * as {@code dev.shrink.kernels.Cholesky#factor} does. (Row-major lower is column-major upper, hence uplo = 'U'.)
     *
     * @return LAPACK's info: 0 on success, i &gt; 0 when the leading minor of order i is not positive definite
     */
    public int dpotrfLower(int p, double[] a, int lda) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment uplo = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 'U');
            MemorySegment nRef = arena.allocateFrom(JAVA_INT, p);
            MemorySegment ldaRef = arena.allocateFrom(JAVA_INT, lda);
            MemorySegment info = arena.allocate(JAVA_INT);
            dpotrf.invokeExact(uplo, nRef, at(a, 0), ldaRef, info, 1L);
            return info.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * All eigenvalues (ascending, into w) and eigenvectors of a symmetric p×p row-major matrix whose lower triangle
     * holds A, as {@code dev.shrink.kernels.SymmetricEigen#decompose} computes them: LAPACK {@code dsyev} (Householder
     * tridiagonalization + implicit QR, the same method) or, with {@code divideAndConquer}, {@code dsyevd}. A is
     * overwritten by the eigenvectors (row k = eigenvector k). Work arrays at LAPACK's documented minimum sizes for
     * jobz = 'V' are allocated per call (O(p²), small against the O(p³) work).
     *
     * @return LAPACK's info: 0 on success
     */
    public int eigenLower(boolean divideAndConquer, int p, double[] a, int lda, double[] w) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment jobz = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 'V');
            MemorySegment uplo = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 'U'); // row-major lower = column-major upper
            MemorySegment nRef = arena.allocateFrom(JAVA_INT, p);
            MemorySegment ldaRef = arena.allocateFrom(JAVA_INT, lda);
            MemorySegment info = arena.allocate(JAVA_INT);
            if (divideAndConquer) {
                int lwork = 1 + 6 * p + 2 * p * p;
                int liwork = 3 + 5 * p;
                dsyevd.invokeExact(jobz, uplo, nRef, at(a, 0), ldaRef, at(w, 0), arena.allocate(JAVA_DOUBLE, lwork),
                        arena.allocateFrom(JAVA_INT, lwork), arena.allocate(JAVA_INT, liwork), arena.allocateFrom(JAVA_INT, liwork),
                        info, 1L, 1L);
            } else {
                int lwork = 66 * Math.max(1, p); // (block size + 2)·p with a generous block size
                dsyev.invokeExact(jobz, uplo, nRef, at(a, 0), ldaRef, at(w, 0), arena.allocate(JAVA_DOUBLE, lwork),
                        arena.allocateFrom(JAVA_INT, lwork), info, 1L, 1L);
            }
            return info.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static MemorySegment at(double[] a, int offset) {
        MemorySegment s = MemorySegment.ofArray(a);
        return offset == 0 ? s : s.asSlice((long) offset * Double.BYTES);
    }

    private static String string(MethodHandle h) {
        try {
            MemorySegment s = (MemorySegment) h.invokeExact();
            return s.equals(MemorySegment.NULL) ? "" : s.reinterpret(4096).getString(0).trim();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
