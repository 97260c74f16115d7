package dev.shrink.kernels;

/**
 * Run in a forked JVM by {@link ProviderTest}: prints which kernels {@link KernelProvider#get()} chose and the results
 * of a few kernels on inputs with known answers, one {@code key=value} per line, so the test can check both.
 */
public final class ProviderProbe {
    private ProviderProbe() {}

    public static void main(String[] args) {
        KernelProvider k = KernelProvider.get();
        System.out.println("provider=" + k.name());
        for (KernelChoice c : k.choices()) System.out.println("width." + c.family().key() + "=" + c.bits());
        System.out.println("sameOnSecondCall=" + (KernelProvider.get() == k));
        System.out.println("dot=" + k.level1().dot(3, new double[] {1, 2, 3}, 0, new double[] {4, 5, 6}, 0));
        System.out.println("norm2=" + k.level1().norm2(2, new double[] {3e300, 4e300}, 0));
        double[] y = new double[2];
        k.matrixVector().multiply(MatrixView.rowMajor(new double[] {1, 2, 3, 4}, 2, 2), new double[] {1, -1}, 0, y, 0);
        System.out.println("Ax=" + y[0] + "," + y[1]);
        double[] s = new double[3];
        k.proximal().softThreshold(3, 1, new double[] {3, -0.5, -2}, 0, s, 0);
        System.out.println("softThreshold=" + s[0] + "," + s[1] + "," + s[2]);
        double[] a = {4, 0, 2, 10};
        double[] b = {8, 13};
        k.cholesky().factor(2, a, 0, 2, 0);
        k.cholesky().solve(2, a, 0, 2, b, 0);
        System.out.println("choleskySolve=" + b[0] + "," + b[1]);
        String widest;
        try {
            widest = KernelProvider.vector(512).name();
        } catch (UnsupportedOperationException e) {
            widest = "unsupported: " + e.getMessage();
        }
        System.out.println("vector512=" + widest);
    }
}
