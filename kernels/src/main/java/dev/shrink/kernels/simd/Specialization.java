package dev.shrink.kernels.simd;

import jdk.incubator.vector.DoubleVector;
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
 * benchmarks), and a species read from an instance field makes every call site depend on a type profile that turns
 * megamorphic — and 10–100× slower — as soon as two widths are used. So each kernel class is written once, as a
 * template whose {@code static final VectorSpecies<Double> S} comes from {@link MethodHandles#classData}, and is
 * defined once per width as a hidden class carrying that species as its class data (JEP 371; the JDK specializes
 * its lambda forms the same way). Each copy has its own constant species, its own profiles and its own compiled code.
 *
 * <p>Templates must not use nested classes, lambdas or string concatenation (they would link back to the template,
 * not the copy); the argument messages come from {@link dev.shrink.kernels.Checks}.
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

    /** The widest double species this CPU and JVM run in hardware (bounded by -XX:MaxVectorSize). */
    static int maxBits() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
