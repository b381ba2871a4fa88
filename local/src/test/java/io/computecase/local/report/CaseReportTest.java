package io.computecase.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.Summary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page a user opens after a case: summary, chart of the timeline, failures, all escaped.
 */
class CaseReportTest {
  private static final Pattern POLYLINE =
      Pattern.compile(
          "<polyline data-series=\"(\\w+)\" data-points=\"(\\d+)\"[^>]* points=\"([^\"]*)\"");

  @Test
  void theChartDrawsEverySampleOfBothSeries() throws Exception {
    String html =
        new CaseReport(
                "report-demo",
                ReportFixtures.status("failed-case-status.json"),
                ReportFixtures.knownTimeline())
            .html();

    List<String> completed = points(html, "completed");
    List<String> inFlight = points(html, "inFlight");
    assertThat(completed).hasSize(6);
    assertThat(inFlight).hasSize(6);
    // 10 s on a 0..10 s axis ends at the plot's right edge; 100 done on a 0..100 axis at its top.
    assertThat(completed).first().isEqualTo("70.0,324.0");
    assertThat(completed).last().isEqualTo("856.0,44.0");
    // 20 in flight at 2 s: a fifth of the way along and a fifth of the way up.
    assertThat(inFlight.get(1)).isEqualTo("227.2,268.0");
    assertThat(inFlight).last().isEqualTo("856.0,324.0");
    assertThat(html)
        .contains("data-axis=\"time\" data-ticks=\"6\"", "data-axis=\"items\" data-ticks=\"6\"");
    assertThat(html)
        .contains(
            "data-legend-series=\"completed\"",
            "data-legend-series=\"inFlight\"",
            "items in flight (concurrency)",
            "seconds since the case was applied");
  }

  @Test
  void theSummaryShowsTheCountsWallTimeAndDurations() throws Exception {
    String html =
        new CaseReport(
                "report-demo",
                ReportFixtures.status("failed-case-status.json"),
                ReportFixtures.knownTimeline())
            .html();

    assertThat(html)
        .contains("<span class=\"phase Failed\" data-field=\"phase\">Failed</span>")
        .contains(
            "data-field=\"total\">100<", "data-field=\"succeeded\">97<", "data-field=\"failed\">3<")
        .contains("data-field=\"wallSeconds\">10.25<")
        .contains("data-field=\"durationMin\">101<", "data-field=\"durationP50\">250<")
        .contains("data-field=\"durationP95\">900<", "data-field=\"durationMax\">1234<")
        .contains(
            "arn:aws:states:us-east-1:000000000000:execution:computecase:default-report-demo");
  }

  @Test
  void theFailuresTableListsEachFailedItemWithTextEscaped() throws Exception {
    String html =
        new CaseReport(
                "report-demo",
                ReportFixtures.status("failed-case-status.json"),
                ReportFixtures.knownTimeline())
            .html();

    assertThat(html).contains("<table data-failures=\"3\">");
    assertThat(count(html, "<tr><td class=\"num\">")).isEqualTo(3);
    assertThat(html)
        .contains(
            "<td>Computation.Failed</td><td class=\"cause\">division by zero in"
                + " &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>")
        .contains("<td>R&amp;D &quot;42&quot;</td><td>States.Timeout</td>")
        .contains("line 1\nline 2 &amp; more")
        .contains("more than the tolerated 0% &lt;check toleratedFailurePercentage&gt;")
        .doesNotContain("<script");
  }

  @Test
  void aHostileCaseNameIsShownAsText() {
    String name = "x</title><script>alert(1)</script><b a='";
    ComputeCaseStatus status = new ComputeCaseStatus();
    status.setPhase("Running\"><img src=x>");

    String html = new CaseReport(name, status, List.of()).html();

    assertThat(html)
        .doesNotContain("<script", "<img", "<b a=")
        .contains(
            "<title>ComputeCase x&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b a=&#39;"
                + " report</title>")
        .contains("data-field=\"phase\">Running&quot;&gt;&lt;img src=x&gt;<");
  }

  @Test
  void aCaseWithZeroItemsStillHasAChartAndNoFailures() {
    ComputeCaseStatus status = new ComputeCaseStatus();
    status.setPhase("Succeeded");
    Summary summary = new Summary();
    summary.setWallSeconds(0.4);
    status.setSummary(summary);
    CaseTimeline timeline = new CaseTimeline();
    timeline.append(0, 0, 0, 0);

    String html = new CaseReport("empty", status, timeline.samples()).html();

    assertThat(points(html, "completed")).containsExactly("70.0,324.0");
    assertThat(html)
        .contains(
            "data-field=\"total\">0<", "data-field=\"failed\">0<", "data-field=\"durationP50\">–<")
        .contains("<p data-failures=\"0\">No item failed.</p>")
        .doesNotContain("<table");
  }

  @Test
  void aCaseNeverSampledSaysSoInTheChart() {
    String html = new CaseReport("unsampled", null, List.of()).html();

    assertThat(html)
        .contains(
            "data-series=\"completed\" data-points=\"0\"",
            "No progress was sampled for this case.");
    assertThat(html).contains("data-field=\"phase\">Pending<");
  }

  @Test
  void failuresBeyondThoseListedInTheStatusAreCounted() throws Exception {
    ComputeCaseStatus status = ReportFixtures.status("failed-case-status.json");
    status.getSummary().setFailed(250);

    String html = new CaseReport("many-failures", status, List.of()).html();

    assertThat(html).contains("Showing the first 3 of 250 failed items");
  }

  @Test
  void thePageIsSelfContained() throws Exception {
    String html =
        new CaseReport(
                "report-demo",
                ReportFixtures.status("failed-case-status.json"),
                ReportFixtures.knownTimeline())
            .html();

    assertThat(html).doesNotContain("<script", "<link", "@import", "url(", "src=");
    assertThat(html.replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http://", "https://");
  }

  @Test
  void writeToCreatesTheFolderAndReturnsTheAbsolutePath(@TempDir Path dir) throws Exception {
    Path written =
        new CaseReport(
                "report-demo",
                ReportFixtures.status("failed-case-status.json"),
                ReportFixtures.knownTimeline())
            .writeTo(dir.resolve("reports/nested/report-demo.html"));

    assertThat(written).isAbsolute().exists();
    assertThat(Files.readString(written, StandardCharsets.UTF_8))
        .startsWith("<!DOCTYPE html>")
        .contains("data-points=\"6\"");
  }

  static List<String> points(String html, String series) {
    Matcher m = POLYLINE.matcher(html);
    while (m.find()) {
      if (m.group(1).equals(series)) {
        List<String> points =
            m.group(3).isBlank() ? List.of() : List.of(m.group(3).trim().split("\\s+"));
        assertThat(points).as("data-points of " + series).hasSize(Integer.parseInt(m.group(2)));
        return points;
      }
    }
    throw new AssertionError("no polyline for series " + series + " in\n" + html);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
