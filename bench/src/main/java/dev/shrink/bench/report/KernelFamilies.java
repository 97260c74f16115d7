package dev.shrink.bench.report;

import dev.shrink.kernels.KernelProvider;

import java.util.List;

/** Which vector width each kernel family runs at on this machine, and why: a table of the report's summary. */
final class KernelFamilies {
    private KernelFamilies() {}

    /** One kernel family (dot products, Gram, Cholesky, …), the width it uses in bits (0: scalar), and why. */
    record Family(String family, int bits, String reason) {}

    static List<Family> current() {
        try {
            KernelProvider k = KernelProvider.get();
            return k.choices().stream().map(c -> new Family(c.family().key(), c.bits(), c.reason())).toList();
        } catch (RuntimeException | LinkageError e) {
            return List.of(new Family("every family", 0, "kernels unavailable: " + e));
        }
    }

    static Table table() {
        Table t = new Table(List.of("kernel family", "vector width", "why"));
        for (Family f : current()) t.add(List.of(f.family(), f.bits() <= 64 ? "scalar" : f.bits() + "-bit", f.reason()));
        return t;
    }
}
