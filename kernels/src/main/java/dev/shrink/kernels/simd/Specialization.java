package dev.shrink.kernels.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of a kernel class per vector width, each with its species in a {@code static final} field.
 *
 * <p>Why: C2 turns Vector API calls into SIMD instructions only when it knows the species at compile time. Lucene
 * keeps one {@code static final} species per JVM; shrink must run 128, 256 and 512 bits side by side (tests,
 * benchmarks). A species read from an instance field is no constant: each vector call site then leans on its type
 * profile, which one shared class would see turn polymorphic as soon as two widths run, and without an exact type
 * C2 falls back to the Java implementation of the vector operations. Measured here (dot of 4096 doubles after
 * warming all three widths, one JVM): species in a final instance field of one class, 41–148 µs per call; these
 * hidden-class copies, 1.2–1.4 µs. So each kernel class is written once, as a
 * template whose {@code static final VectorSpecies<Double> S} comes from {@link MethodHandles#classData}, and is
 * defined once per width as a hidden class carrying that species as its class data (JEP 371; the JDK specializes
 * its lambda forms the same way). Each copy has its own constant species, its own profiles and its own compiled code.
 *
 * <p>Templates are self-contained: no nested classes, and no other class names a template (either would reach the
 * template class itself, whose initialization fails on purpose — it has no class data). Nor does a template hand its
 * vectors to a shared helper: a helper's vector calls have one type profile for every width, and once two widths have
 * run through it C2 stops inlining them and boxes the vectors. Measured (Zen 5): a shared horizontal-sum helper, after
 * one 512-bit Cholesky, made the 256-bit product Xw of a 20000×200 matrix 5.6 ms instead of 0.9 ms; each template now
 * keeps its own copy of that sum.
 */
final class Specialization {
    private Specialization() {}

    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    /** The species that the hidden class calling this was defined with (its class data). */
    static VectorSpecies<Double> species(MethodHandles.Lookup lookup) {
        try {
            @SuppressWarnings("unchecked")
            VectorSpecies<Double> s = MethodHandles.classData(lookup, "_", VectorSpecies.class);
            if (s == null) {
                throw new IllegalStateException(lookup.lookupClass().getName()
                        + " is a template: define it through Specialization.instance, never load it directly");
            }
            return s;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instance of {@code template} (a class in this package with a no-argument constructor) at this width. */
    static <T> T instance(String template, Class<T> type, VectorSpecies<Double> species) {
        String key = template + "@" + species.vectorBitSize();
        return type.cast(CACHE.computeIfAbsent(key, k -> define(template, species)));
    }

    private static Object define(String template, VectorSpecies<Double> species) {
        if (species.elementType() != double.class) throw new IllegalArgumentException("not a double species: " + species);
        try (InputStream in = Specialization.class.getResourceAsStream(template + ".class")) {
            if (in == null) throw new IllegalStateException("class file of " + template + " not found");
            byte[] bytes = in.readAllBytes();
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, species, true);
            return copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the class file of " + template, e);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define " + template + " for " + species, e);
        }
    }

    /** The double species of a width in bits. */
    static VectorSpecies<Double> speciesOf(int bits) {
        return VectorSpecies.of(double.class, VectorShape.forBitSize(bits));
    }

    /** The widest double species this CPU and JVM run in hardware (bounded by -XX:MaxVectorSize). */
    static int maxBits() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
