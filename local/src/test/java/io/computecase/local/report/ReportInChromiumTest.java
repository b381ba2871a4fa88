package io.computecase.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a browser shows it: Debian's chromium, headless, reads the file and its DOM and
 * pixels hold the chart's data. Skipped when /usr/bin/chromium is absent (CI installs it).
 */
class ReportInChromiumTest {
  @TempDir Path dir;
  private Path page;
  private HeadlessChromium chromium;

  @BeforeEach
  void writeReport() throws Exception {
    assumeTrue(
        HeadlessChromium.installed(),
        "chromium is not installed at " + HeadlessChromium.BINARY + " (apt-get install chromium)");
    page =
        new CaseReport(
                "report-demo",
                ReportFixtures.status("failed-case-status.json"),
                ReportFixtures.knownTimeline())
            .writeTo(dir.resolve("report-demo.html"));
    chromium = new HeadlessChromium(dir);
  }

  @Test
  void theRenderedDomHoldsBothPolylinesAndTheSummaryNumbers() throws Exception {
    String dom = chromium.dumpDom(page);

    assertThat(CaseReportTest.points(dom, "completed")).hasSize(6).last().isEqualTo("856.0,44.0");
    assertThat(CaseReportTest.points(dom, "inFlight")).hasSize(6);
    assertThat(dom)
        .contains(
            "data-field=\"total\">100<", "data-field=\"succeeded\">97<", "data-field=\"failed\">3<")
        .contains("data-field=\"wallSeconds\">10.25<")
        .contains("<table data-failures=\"3\">")
        .contains("division by zero in &lt;script&gt;");
  }

  @Test
  void theScreenshotShowsCompletedRisingAndConcurrencyRisingThenFalling() throws Exception {
    Path png = chromium.screenshot(page, 1000, 1000);

    assertThat(png).exists();
    assertThat(Files.size(png)).isPositive();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG image").isNotNull();
    SeriesPixels completed = SeriesPixels.of(image, TimelineChart.COMPLETED_COLOR);
    SeriesPixels inFlight = SeriesPixels.of(image, TimelineChart.IN_FLIGHT_COLOR);
    assertThat(completed.width()).as("completed line spans the time axis").isGreaterThan(600);
    assertThat(inFlight.width()).as("in-flight line spans the time axis").isGreaterThan(600);
    // Screen y grows downwards: completed ends higher than it starts; in flight peaks mid-case.
    assertThat(completed.meanYAt(completed.maxX()))
        .isLessThan(completed.meanYAt(completed.minX()) - 200);
    int middle = (inFlight.minX() + inFlight.maxX()) / 2;
    assertThat(inFlight.meanYAt(middle)).isLessThan(inFlight.meanYAt(inFlight.maxX()) - 40);
    assertThat(List.of(completed.count(), inFlight.count())).allMatch(n -> n > 500);
  }
}
