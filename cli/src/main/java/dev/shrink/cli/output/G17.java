package dev.shrink.cli.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as C's {@code printf("%.17g")} writes them (and numpy, and the conformance cases): the exact binary value
 * rounded half-even to 17 significant digits, trailing zeros removed, fixed notation for exponents −4 .. 16 and
 * {@code d.ddde±XX} otherwise. 17 digits make every double parse back to itself. (Java's own {@code %.17g} pads the
 * shortest digits with zeros instead, so it is not used.)
 */
public final class G17 {
    private G17() {}

    private static final MathContext DIGITS = new MathContext(17, RoundingMode.HALF_EVEN);

    /** @throws IllegalArgumentException for NaN and ±Infinity, which have no JSON number */
    public static String format(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        if (v == 0) return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        BigDecimal b = new BigDecimal(v).round(DIGITS);
        int exponent = b.precision() - b.scale() - 1;
        if (exponent < -4 || exponent >= 17) {
            String digits = stripZeros(b.unscaledValue().abs().toString());
            StringBuilder s = new StringBuilder(24);
            if (b.signum() < 0) s.append('-');
            s.append(digits.charAt(0));
            if (digits.length() > 1) s.append('.').append(digits, 1, digits.length());
            s.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            if (e < 10) s.append('0');
            return s.append(e).toString();
        }
        String plain = b.setScale(Math.max(0, 16 - exponent), RoundingMode.UNNECESSARY).toPlainString();
        if (plain.indexOf('.') < 0) return plain;
        plain = stripZeros(plain);
        return plain.endsWith(".") ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static String stripZeros(String s) {
        int end = s.length();
        while (end > 1 && s.charAt(end - 1) == '0') end--;
        return s.substring(0, end);
    }
}
