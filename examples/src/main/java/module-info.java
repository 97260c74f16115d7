/** The README's usage as a program on the module path: it can reach only what dev.shrink.solvers exports. */
module dev.shrink.examples {
    requires dev.shrink.solvers;
}
