package dev.shrink.conformance;

import java.nio.file.Path;

/** Where the tests find the project's copy of the cases (the build sets {@code shrink.cases}). */
final class Cases {
    private Cases() {}

    static Path root() {
        return Path.of(System.getProperty("shrink.cases", "cases")).toAbsolutePath().normalize();
    }

    static ConformanceCase load(String id) throws java.io.IOException {
        return ConformanceCase.load(root().resolve(id));
    }
}
