package io.computecase.local.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.local.report.CaseTimeline.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The cases the report tests draw: a status read from a file beside the tests and a known timeline.
 */
final class ReportFixtures {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ReportFixtures() {}

  /** 100 items over 10 s: completed rises to 100, in flight rises to 20 and falls back to 0. */
  static List<Sample> knownTimeline() {
    CaseTimeline timeline = new CaseTimeline();
    timeline.append(0, 0, 0, 0);
    timeline.append(2, 10, 0, 20);
    timeline.append(4, 34, 1, 20);
    timeline.append(6, 58, 2, 20);
    timeline.append(8, 85, 3, 12);
    timeline.append(10, 97, 3, 0);
    return timeline.samples();
  }

  static ComputeCaseStatus status(String resource) throws IOException {
    try (InputStream in = ReportFixtures.class.getResourceAsStream("/report/" + resource)) {
      if (in == null) {
        throw new IOException("test resource /report/" + resource + " is missing");
      }
      return JSON.readValue(in, ComputeCaseStatus.class);
    }
  }
}
