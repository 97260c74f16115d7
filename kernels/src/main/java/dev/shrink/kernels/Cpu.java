package dev.shrink.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The processor's vendor and x86 family/model, as far as the operating system tells without native code: Linux's
 * {@code /proc/cpuinfo} (first processor) or Windows' {@code PROCESSOR_IDENTIFIER} ("… Family 26 Model 2 …,
 * AuthenticAMD"). Unknown fields are empty or −1; the width rule then treats the CPU as unknown.
 *
 * @param vendor {@code AuthenticAMD}, {@code GenuineIntel}, … or "" when unknown
 * @param family x86 display family (AMD Zen 4 = 25, Zen 5 = 26; Intel Core and Xeon = 6), −1 when unknown
 * @param model  x86 display model (Intel Sapphire Rapids = 143, Emerald Rapids = 207), −1 when unknown
 * @param name   the model name for messages, e.g. "AMD EPYC", or ""
 */
record Cpu(String vendor, int family, int model, String name) {

    static final String AMD = "AuthenticAMD";
    static final String INTEL = "GenuineIntel";

    static final Cpu UNKNOWN = new Cpu("", -1, -1, "");

    /** This machine's processor, read once. */
    static Cpu current() {
        return Holder.CURRENT;
    }

    private static final class Holder {
        static final Cpu CURRENT = detect();
    }

    /** {@code AMD family 26 model 2 (AMD EPYC)}, or {@code an unknown CPU}. */
    String describe() {
        if (vendor.isEmpty() && family < 0) return "an unknown CPU";
        String who = vendor.equals(AMD) ? "AMD" : vendor.equals(INTEL) ? "Intel" : vendor.isEmpty() ? "CPU" : vendor;
        return who + " family " + family + " model " + model + (name.isEmpty() ? "" : " (" + name + ")");
    }

    private static Cpu detect() {
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) return fromCpuinfo(Files.readAllLines(info));
        } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
            // fall through: unknown
        }
        try {
            String id = System.getenv("PROCESSOR_IDENTIFIER");
            if (id != null) return fromWindowsIdentifier(id);
        } catch (SecurityException e) {
            // unknown
        }
        return UNKNOWN;
    }

    /** Parses the first processor's block of {@code /proc/cpuinfo}. */
    static Cpu fromCpuinfo(List<String> lines) {
        String vendor = "";
        String name = "";
        int family = -1;
        int model = -1;
        for (String line : lines) {
            if (line.isBlank()) {
                if (!vendor.isEmpty()) break; // end of the first processor's block
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = parse(value);
                case "model" -> model = parse(value);
                case "model name" -> name = value;
                default -> { }
            }
        }
        return new Cpu(vendor, family, model, name);
    }

    /** Parses e.g. {@code "AMD64 Family 26 Model 2 Stepping 0, AuthenticAMD"}. */
    static Cpu fromWindowsIdentifier(String id) {
        String[] words = id.replace(",", " ").trim().split("\\s+");
        int family = -1;
        int model = -1;
        String vendor = "";
        for (int i = 0; i < words.length; i++) {
            String w = words[i].toLowerCase(Locale.ROOT);
            if (w.equals("family") && i + 1 < words.length) family = parse(words[i + 1]);
            if (w.equals("model") && i + 1 < words.length) model = parse(words[i + 1]);
            if (words[i].equals(AMD) || words[i].equals(INTEL)) vendor = words[i];
        }
        return new Cpu(vendor, family, model, "");
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
