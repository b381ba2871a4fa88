package io.computecase.local.report;

import io.computecase.api.v1alpha1.ItemFailure;
import java.util.List;

/** The report's table of failed items: index, caseId, error and cause, each escaped. */
final class FailuresTable {
  private final List<ItemFailure> failures;
  private final long failedCount;

  /**
   * {@code failedCount} may exceed the listed failures when the status keeps only the first ones.
   */
  FailuresTable(List<ItemFailure> failures, long failedCount) {
    this.failures = failures == null ? List.of() : failures;
    this.failedCount = failedCount;
  }

  String html() {
    StringBuilder html = new StringBuilder("<section class=\"failures\">\n<h2>Failures</h2>\n");
    if (failures.isEmpty()) {
      html.append(
          failedCount == 0
              ? "<p data-failures=\"0\">No item failed.</p>\n"
              : "<p data-failures=\"0\">"
                  + failedCount
                  + " items failed; the status lists none of them.</p>\n");
      return html.append("</section>\n").toString();
    }
    if (failedCount > failures.size()) {
      html.append("<p class=\"note\">Showing the first ")
          .append(failures.size())
          .append(" of ")
          .append(failedCount)
          .append(" failed items, as kept in the case's status.</p>\n");
    }
    html.append("<table data-failures=\"").append(failures.size()).append("\">\n");
    html.append(
        "<thead><tr><th>index</th><th>caseId</th><th>error</th><th>cause</th></tr></thead>\n"
            + "<tbody>\n");
    for (ItemFailure f : failures) {
      html.append("<tr><td class=\"num\">")
          .append(f.getIndex() == null ? "" : f.getIndex())
          .append("</td><td>")
          .append(HtmlText.escape(f.getCaseId()))
          .append("</td><td>")
          .append(HtmlText.escape(f.getError()))
          .append("</td><td class=\"cause\">")
          .append(HtmlText.escape(f.getCause()))
          .append("</td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n</section>\n").toString();
  }
}
