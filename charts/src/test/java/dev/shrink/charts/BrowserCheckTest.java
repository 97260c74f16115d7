package dev.shrink.charts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plots as a browser shows them: headless Chromium (Debian's {@code chromium}) renders each SVG to a PNG, and
 * the pixels must show the drawing — the CV curve's red points, the path's coloured lines — not a blank or broken
 * image. Runs where Chromium is installed ({@code apt-get install chromium}); the PNGs stay in target/plots for a look.
 */
@EnabledIf("chromiumInstalled")
class BrowserCheckTest {
    @TempDir
    Path tmp;

    static boolean chromiumInstalled() {
        return chromium() != null;
    }

    private static Path chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) if (Files.isExecutable(Path.of(c))) return Path.of(c);
        return null;
    }

    private BufferedImage render(String name, String svg) throws Exception {
        Path file = tmp.resolve(name + ".svg");
        Files.writeString(file, svg);
        Path dir = Path.of("target", "plots");
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png").toAbsolutePath();
        Files.deleteIfExists(png);
        Process p = new ProcessBuilder(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=" + tmp.resolve("profile"), "--window-size=" + PenaltyAxes.WIDTH + "," + PenaltyAxes.HEIGHT,
                "--screenshot=" + png, file.toUri().toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        assertTrue(Files.exists(png), () -> "no screenshot: " + read(tmp.resolve("chromium.log")));
        return ImageIO.read(png.toFile());
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Pixels within a small distance of the colour. */
    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                int d = Math.abs(((c >> 16) & 255) - ((rgb >> 16) & 255)) + Math.abs(((c >> 8) & 255) - ((rgb >> 8) & 255)) + Math.abs((c & 255) - (rgb & 255));
                if (d < 40) n++;
            }
        }
        return n;
    }

    @Test
    void cvCurveShowsItsRedPointsAndGreyBars() throws Exception {
        int k = 30;
        double[] s = new double[k];
        double[] m = new double[k];
        double[] se = new double[k];
        int[] nz = new int[k];
        for (int i = 0; i < k; i++) {
            s[i] = Math.exp(2 - 0.25 * i);
            m[i] = 2 + Math.pow(Math.log(s[i]) + 1.5, 2) * 0.3;
            se[i] = 0.2;
            nz[i] = Math.min(10, i);
        }
        BufferedImage img = render("cv", CvPlot.svg("cv check", "α", "mean squared error", s, m, se, 14, 11, nz));
        assertEquals(PenaltyAxes.WIDTH, img.getWidth());
        int red = count(img, 0xd62728);
        assertTrue(red > k * 15, red + " red pixels for " + k + " points");
        assertTrue(count(img, 0x999999) > k * 10, "error bars");
        assertTrue(count(img, 0xffffff) > img.getWidth() * img.getHeight() / 2, "a white background");
    }

    @Test
    void pathShowsItsColouredLines() throws Exception {
        int k = 40;
        int p = 4;
        double[] lambda = new double[k];
        double[][] c = new double[k][p];
        for (int i = 0; i < k; i++) {
            lambda[i] = Math.exp(1 - 0.15 * i);
            for (int j = 0; j < p; j++) c[i][j] = i > 5 * j ? (j + 1) * (i - 5 * j) * (j % 2 == 0 ? 1 : -1) : 0;
        }
        BufferedImage img = render("path", PathPlot.svg("path check", "λ", lambda, c, List.of("a", "b", "c", "d")));
        assertTrue(count(img, 0x4e79a7) > 150, "the first line (blue)");
        assertTrue(count(img, 0xf28e2b) > 150, "the second line (orange)");
    }
}
