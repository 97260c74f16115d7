/** Runs the shared conformance cases through the public API of {@code dev.shrink.solvers}. */
module dev.shrink.conformance {
    requires transitive dev.shrink.solvers;
    exports dev.shrink.conformance;
}
