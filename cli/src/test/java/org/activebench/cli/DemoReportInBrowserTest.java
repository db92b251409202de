package org.activebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the demo's report in headless Chromium, as a reader would open it: fails on a chart the browser cannot
 * show, on any console message, or on a chart with nothing drawn. The screenshot is kept at
 * {@code cli/target/demo-report.png} for a person to look at. Without Chromium the test skips, unless
 * {@code ACTIVEBENCH_REQUIRE_CHROMIUM} is set (CI sets it, having installed Debian's chromium).
 */
class DemoReportInBrowserTest {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
            "--disable-quic");

    @TempDir
    Path dir;

    @Test
    void theDemoReportRendersCompletelyInChromium() throws IOException, InterruptedException {
        Path chromium = chromium();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ActiveBenchCli.execute(new String[] {"demo", "--no-progress", "--out", dir.resolve("demo").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        Path html = dir.resolve("demo/report/report.html");
        assertTrue(out.toString().contains("report:  " + html.toAbsolutePath().normalize()), out.toString());
        String page = Files.readString(html);
        int figures = count(page, "<figure><img src=\"data:image/svg+xml;base64,");
        assertTrue(figures >= 6, "3 learning curves, AUBC boxes, times, CD diagram; found " + figures);
        assertTrue(!page.contains("src=\"http") && !page.contains("href=\"http"), "nothing to fetch: self-contained");

        Path screenshot = Path.of("target", "demo-report.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Browser shot = run(chromium, "--window-size=1280,2400", "--screenshot=" + screenshot, html.toUri().toString());
        assertTrue(Files.size(screenshot) > 50_000, "screenshot " + Files.size(screenshot) + " bytes\n" + shot.stderr);
        assertTrue(distinctColours(ImageIO.read(screenshot.toFile())) > 500, "the screenshot looks empty");

        Browser dom = run(chromium, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom",
                html.toUri().toString());
        Matcher body = Pattern.compile("<body data-images=\"(\\d+)\" data-broken-images=\"(\\d+)\">").matcher(dom.stdout);
        assertTrue(body.find(), "the report's load check did not run:\n" + dom.stderr);
        assertEquals(figures, Integer.parseInt(body.group(1)), "charts the browser saw");
        assertEquals(0, Integer.parseInt(body.group(2)), "charts the browser could not display");
        List<String> console = dom.stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        assertTrue(console.isEmpty(), "console messages: " + console);

        try (Stream<Path> pngs = Files.list(dir.resolve("demo/report/charts"))) {
            List<Path> charts = pngs.filter(p -> p.toString().endsWith(".png")).sorted().toList();
            assertEquals(figures, charts.size());
            for (Path chart : charts) {
                assertTrue(colouredPixels(ImageIO.read(chart.toFile())) > 400, chart + " has nothing drawn in colour");
                assertTrue(Files.size(Path.of(chart.toString().replace(".png", ".svg"))) > 10_000, chart + " lacks its SVG");
            }
        }
    }

    private record Browser(String stdout, String stderr) {
    }

    private Browser run(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + Files.createTempDirectory(dir, "profile")); // fresh profile every run
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s: " + command);
        }
        Browser result = new Browser(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        assertEquals(0, p.exitValue(), "chromium failed: " + command + "\n" + result.stderr);
        return result;
    }

    private static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String reason = "no Chromium (apt-get install chromium); the browser check of the report did not run";
        if (System.getenv("ACTIVEBENCH_REQUIRE_CHROMIUM") != null) {
            fail(reason + ", and ACTIVEBENCH_REQUIRE_CHROMIUM is set");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
        return null;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    /** Pixels with clear hue (saturation above 0.3): series, bars, boxes; axes, text and grid are grey. */
    private static int colouredPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                if (max > 0 && (max - min) / (double) max > 0.3) {
                    n++;
                }
            }
        }
        return n;
    }
}
