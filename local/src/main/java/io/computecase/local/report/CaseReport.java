package io.computecase.local.report;

import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.DurationStats;
import io.computecase.api.v1alpha1.Progress;
import io.computecase.api.v1alpha1.Summary;
import io.computecase.local.report.CaseTimeline.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One case's report as a single self-contained HTML page (inline CSS and SVG, nothing fetched): the
 * phase, counts, wall time, item duration statistics, a chart of items completed and in flight over
 * time, and the failed items.
 */
public final class CaseReport {
  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1b1f24;background:#fff}
      h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:24px 0 8px}
      .phase{display:inline-block;padding:2px 10px;border-radius:10px;color:#fff;background:#6c757d;font-weight:600}
      .phase.Succeeded{background:#2b8a3e}.phase.Failed{background:#c92a2a}.phase.Stopped{background:#e67700}
      .message{color:#495057}
      dl.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:8px;margin:12px 0}
      dl.summary div{border:1px solid #dee2e6;border-radius:6px;padding:8px}
      dt{font-size:12px;color:#6c757d}dd{margin:2px 0 0;font-size:20px;font-weight:600}
      svg text{font-size:12px;fill:#343a40}svg .axis line{stroke:#495057}svg .axis line.grid{stroke:#e9ecef}
      svg .plot{fill:#fcfcfd;stroke:none}svg .empty{fill:#868e96;font-size:14px}
      table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #dee2e6;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f1f3f5}td.num{text-align:right}td.cause{white-space:pre-wrap;max-width:640px}
      .note,.meta{color:#6c757d;font-size:13px}
      """;

  private final String caseName;
  private final ComputeCaseStatus status;
  private final List<Sample> samples;

  /** The report of case {@code caseName} with its final {@code status} and its progress samples. */
  public CaseReport(String caseName, ComputeCaseStatus status, List<Sample> samples) {
    this.caseName = caseName == null ? "" : caseName;
    this.status = status == null ? new ComputeCaseStatus() : status;
    this.samples = samples == null ? List.of() : List.copyOf(samples);
  }

  /** Writes the page to {@code file} (creating its folder) and returns the file's absolute path. */
  public Path writeTo(Path file) throws IOException {
    Path target = file.toAbsolutePath();
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Files.writeString(target, html(), StandardCharsets.UTF_8);
    return target;
  }

  /** The whole page. */
  public String html() {
    Counts counts = Counts.of(status, samples);
    String phase = status.getPhase() == null ? "Pending" : status.getPhase();
    Summary summary = status.getSummary();
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>ComputeCase ")
        .append(HtmlText.escape(caseName))
        .append(" report</title>\n")
        .append("<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    html.append("<h1>ComputeCase <span data-field=\"name\">")
        .append(HtmlText.escape(caseName))
        .append("</span></h1>\n");
    html.append("<p><span class=\"phase ")
        .append(HtmlText.escape(phase))
        .append("\" data-field=\"phase\">")
        .append(HtmlText.escape(phase))
        .append("</span>");
    if (status.getMessage() != null) {
      html.append(" <span class=\"message\">")
          .append(HtmlText.escape(status.getMessage()))
          .append("</span>");
    }
    html.append("</p>\n").append(meta());
    html.append("<dl class=\"summary\">\n");
    field(html, "total", "items", Long.toString(counts.total()));
    field(html, "succeeded", "succeeded", Long.toString(counts.succeeded()));
    field(html, "failed", "failed", Long.toString(counts.failed()));
    Double wall = summary == null ? null : summary.getWallSeconds();
    field(
        html,
        "wallSeconds",
        "wall time (s)",
        wall == null ? "–" : String.format(Locale.ROOT, "%.2f", wall));
    DurationStats d = summary == null ? null : summary.getDurationMs();
    field(html, "durationMin", "item min (ms)", millis(d == null ? null : d.getMin()));
    field(html, "durationP50", "item p50 (ms)", millis(d == null ? null : d.getP50()));
    field(html, "durationP95", "item p95 (ms)", millis(d == null ? null : d.getP95()));
    field(html, "durationMax", "item max (ms)", millis(d == null ? null : d.getMax()));
    html.append("</dl>\n");
    html.append("<h2>Items completed and in flight over time</h2>\n<figure>\n")
        .append(new TimelineChart(samples, counts.total()).svg())
        .append("</figure>\n");
    html.append(
        new FailuresTable(summary == null ? null : summary.getFailures(), counts.failed()).html());
    return html.append("</body>\n</html>\n").toString();
  }

  private String meta() {
    StringBuilder meta = new StringBuilder("<p class=\"meta\">");
    meta.append("started ")
        .append(orDash(status.getStartTime()))
        .append(" · completed ")
        .append(orDash(status.getCompletionTime()));
    if (status.getExecutionArn() != null) {
      meta.append(" · execution <code>")
          .append(HtmlText.escape(status.getExecutionArn()))
          .append("</code>");
    }
    return meta.append("</p>\n").toString();
  }

  private static String orDash(String value) {
    return value == null ? "–" : HtmlText.escape(value);
  }

  private static String millis(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.0f", value);
  }

  private static void field(StringBuilder html, String key, String label, String value) {
    html.append("<div><dt>")
        .append(label)
        .append("</dt><dd data-field=\"")
        .append(key)
        .append("\">")
        .append(value)
        .append("</dd></div>\n");
  }

  /**
   * The case's counts: from the summary when the case has one, else from its progress or last
   * sample.
   */
  private record Counts(long total, long succeeded, long failed) {
    static Counts of(ComputeCaseStatus status, List<Sample> samples) {
      Summary s = status.getSummary();
      if (s != null) {
        return new Counts(s.getTotal(), s.getSucceeded(), s.getFailed());
      }
      Progress p = status.getProgress();
      if (p != null) {
        return new Counts(p.getTotal(), p.getSucceeded(), p.getFailed());
      }
      if (!samples.isEmpty()) {
        Sample last = samples.get(samples.size() - 1);
        return new Counts(last.done() + last.inFlight(), last.succeeded(), last.failed());
      }
      return new Counts(0, 0, 0);
    }
  }
}
