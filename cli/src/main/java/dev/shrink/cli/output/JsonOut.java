package dev.shrink.cli.output;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * A JSON document written in order through Jackson's generator (keys appear exactly in the order written: a stable
 * layout), indented, with every number in {@link G17} form so that it parses back to the same double.
 */
final class JsonOut implements AutoCloseable {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final StringWriter text = new StringWriter();
    private final JsonGenerator g = MAPPER.createGenerator(text);

    JsonOut startObject() {
        g.writeStartObject();
        return this;
    }

    JsonOut startObject(String name) {
        g.writeName(name);
        g.writeStartObject();
        return this;
    }

    JsonOut endObject() {
        g.writeEndObject();
        return this;
    }

    JsonOut startArray(String name) {
        g.writeName(name);
        g.writeStartArray();
        return this;
    }

    JsonOut endArray() {
        g.writeEndArray();
        return this;
    }

    JsonOut string(String name, String value) {
        g.writeName(name);
        g.writeString(value);
        return this;
    }

    /** A number in %.17g form (−0 as 0); NaN and ±Infinity (which JSON lacks) as null. */
    JsonOut number(String name, double value) {
        g.writeName(name);
        return number(value);
    }

    JsonOut number(double value) {
        if (Double.isFinite(value)) g.writeNumber(G17.format(value + 0.0)); // −0.0 + 0.0 = +0.0
        else g.writeNull();
        return this;
    }

    JsonOut integer(String name, long value) {
        g.writeName(name);
        g.writeNumber(value);
        return this;
    }

    JsonOut bool(String name, boolean value) {
        g.writeName(name);
        g.writeBoolean(value);
        return this;
    }

    JsonOut numbers(String name, double[] values) {
        startArray(name);
        for (double v : values) number(v);
        return endArray();
    }

    JsonOut integers(String name, int[] values) {
        startArray(name);
        for (int v : values) g.writeNumber(v);
        return endArray();
    }

    JsonOut strings(String name, List<String> values) {
        startArray(name);
        for (String v : values) g.writeString(v);
        return endArray();
    }

    /** A map of names to numbers, booleans, strings or arrays of numbers (the params). */
    JsonOut values(String name, Map<String, Object> values) {
        startObject(name);
        for (var e : values.entrySet()) {
            Object v = e.getValue();
            switch (v) {
                case Double d -> number(e.getKey(), d);
                case Integer i -> integer(e.getKey(), i);
                case Long l -> integer(e.getKey(), l);
                case Boolean b -> bool(e.getKey(), b);
                case double[] a -> numbers(e.getKey(), a);
                default -> string(e.getKey(), v.toString());
            }
        }
        return endObject();
    }

    /** An object from names to numbers, in the given order (a coefficient vector keyed by feature). */
    JsonOut namedNumbers(String name, List<String> names, double[] values) {
        startObject(name);
        for (int j = 0; j < values.length; j++) number(names.get(j), values[j]);
        return endObject();
    }

    @Override
    public void close() {
        g.close();
    }

    /** The document, ending with a newline. */
    String text() {
        g.flush();
        return text + "\n";
    }
}
