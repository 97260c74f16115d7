package dev.shrink.kernels;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/** What the running JVM offers the Vector API kernels; each check returns null when fine, else what is missing. */
final class Capabilities {
    private Capabilities() {}

    /** Null when {@code jdk.incubator.vector} is readable, else the flag to add. */
    static String missingForVector() {
        Optional<Module> vector = ModuleLayer.boot().findModule("jdk.incubator.vector");
        if (vector.isEmpty()) {
            return "module jdk.incubator.vector is not readable; start the JVM with --add-modules jdk.incubator.vector";
        }
        return null;
    }

    /**
     * Null when C2 compiles hot code and FMA is a hardware instruction, else what is missing: the Vector API is only
     * fast once C2 intrinsifies it, and the kernels' dot products are FMA chains (software FMA is ~50× slower).
     */
    static String missingForSpeed() {
        Optional<String> tieredStop = vmOption("TieredStopAtLevel");
        if (tieredStop.isPresent() && Integer.parseInt(tieredStop.get()) < 4) {
            return "C2 is off (-XX:TieredStopAtLevel=" + tieredStop.get() + "): remove that flag, or the Vector API code runs"
                    + " without its intrinsics, slower than scalar";
        }
        Optional<String> useC2 = vmOption("UseCompiler");
        if (useC2.isPresent() && useC2.get().equals("false")) {
            return "the JIT compiler is off (-Xint): remove that flag";
        }
        Optional<String> fma = vmOption("UseFMA");
        if (fma.isPresent() && fma.get().equals("false")) {
            return "FMA is not a hardware instruction here (-XX:-UseFMA, or a CPU without FMA)";
        }
        return null;
    }

    /** A HotSpot VM option's value, if the VM exposes it. */
    static Optional<String> vmOption(String name) {
        try {
            var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean == null ? Optional.empty() : Optional.of(bean.getVMOption(name).getValue());
        } catch (IllegalArgumentException | LinkageError | SecurityException e) {
            return Optional.empty();
        }
    }
}
