package io.computecase.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.CaseResults;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.DurationStats;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.api.v1alpha1.ItemFailure;
import io.computecase.api.v1alpha1.Summary;
import io.computecase.operator.observer.ExecutionSnapshot;
import io.computecase.operator.observer.MapRunCounters;
import io.computecase.operator.observer.SummaryCollector;
import io.computecase.operator.validation.SpecProblem;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A case's status stays under 16 KiB of JSON whatever happens to it: a million items, the longest
 * names Kubernetes allows, fifty failures each with a 32 KiB cause of the costliest characters, a
 * failed execution with as long a cause, and thirty redrives asked with a long annotation.
 */
class StatusSizeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** 32 KiB (Step Functions' limit on a cause) of what JSON writes longest: escapes, emoji. */
  private static final String WORST = "\u0001\"\\😀€".repeat(32 * 1024 / 5);

  private static final String MAP_RUN =
      "arn:aws:states:eu-central-1:123456789012:mapRun:"
          + "x".repeat(80)
          + "/ComputeItems:"
          + UUID.randomUUID();

  private final ComputeCaseStatusRecorder recorder =
      new ComputeCaseStatusRecorder(Clock.systemUTC());

  @Test
  void theStatusOfAMillionItemCaseWithManyFailuresStaysUnder16KiB() throws Exception {
    ComputeCase cc = millionItemCase();
    String executionArn =
        "arn:aws:states:eu-central-1:123456789012:execution:"
            + "x".repeat(80)
            + ":cc-"
            + cc.getMetadata().getUid();
    CaseResults results =
        new CaseResults(
            "b".repeat(63),
            "results/"
                + cc.getMetadata().getNamespace()
                + "/"
                + cc.getMetadata().getName()
                + "/"
                + cc.getMetadata().getUid(),
            null);
    cc.setStatus(recorder.accepted(cc, executionArn, OptionalLong.of(1_000_000), true, results));
    cc.setStatus(recorder.troubled(cc, "AwsUnavailable", WORST));
    cc.getSpec().setRetry(null); // a refused change of a fixed field: one more condition
    cc.getSpec().setToleratedFailureCount(7);

    for (int redrive = 0; redrive < 30; redrive++) {
      cc.setStatus(recorder.observed(cc, finished(), outcome(cc)));
      cc.setStatus(recorder.redriven(cc, WORST + redrive, Optional.empty()));
    }
    cc.setStatus(recorder.redriven(cc, "refused", Optional.of(WORST)));
    cc.setStatus(recorder.observed(cc, finished(), outcome(cc)));

    ComputeCaseStatus status = cc.getStatus();
    assertThat(status.getSummary().getFailures()).hasSize(20);
    assertThat(status.getAttempts()).hasSize(10);
    assertThat(status.getConditions())
        .extracting(c -> c.getType())
        .contains("Accepted", "Running", "Failed", "SpecChangeRefused");
    assertThat(status.getResults().getManifestKey()).endsWith("/manifest.json");
    assertThat(status.getMessage()).startsWith("The execution FAILED: States.ItemReaderFailed");
    byte[] json = JSON.writeValueAsBytes(status);
    assertThat(json.length).as(new String(json, StandardCharsets.UTF_8)).isLessThan(16 * 1024);
  }

  @Test
  void aRefusedSpecWithALongMessageStaysSmallToo() throws Exception {
    ComputeCase cc = millionItemCase();
    cc.setStatus(recorder.rejected(cc, new SpecProblem("InvalidItemsFrom", WORST)));

    assertThat(JSON.writeValueAsBytes(cc.getStatus()).length).isLessThan(3 * 1024);
    assertThat(cc.getStatus().getMessage()).endsWith("…");
  }

  @Test
  void aLongRedriveRequestIsRememberedByItsDigest() {
    String request = "r".repeat(10_000);
    String remembered = StatusLimits.redriveRequest(request);

    assertThat(remembered).startsWith("sha256:").hasSizeLessThan(64);
    assertThat(StatusLimits.redriveRequest(request)).isEqualTo(remembered);
    assertThat(StatusLimits.redriveRequest(request + "!")).isNotEqualTo(remembered);
    assertThat(StatusLimits.redriveRequest("2026-12-03T10:00:00Z"))
        .isEqualTo("2026-12-03T10:00:00Z");
  }

  private static ComputeCase millionItemCase() {
    ComputeCase cc = new ComputeCase();
    cc.setMetadata(
        new ObjectMetaBuilder()
            .withName("n".repeat(253))
            .withNamespace("s".repeat(63))
            .withUid(UUID.randomUUID().toString())
            .withGeneration(1L)
            .build());
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(1_000_000));
    spec.setRequestId("q".repeat(80));
    cc.setSpec(spec);
    return cc;
  }

  private static ExecutionSnapshot finished() {
    Instant start = Instant.parse("2026-12-03T10:00:00Z");
    return new ExecutionSnapshot(
        "arn",
        "FAILED",
        start,
        start.plusSeconds(3600),
        null,
        "States.ItemReaderFailed",
        WORST,
        Optional.of(new MapRunCounters(MAP_RUN, 1_000_000, 0, 0, 999_950, 50, 0, 0, 10_000)));
  }

  private static SummaryCollector.Outcome outcome(ComputeCase cc) {
    Summary summary = new Summary();
    summary.setTotal(1_000_000);
    summary.setSucceeded(999_950);
    summary.setFailed(50);
    summary.setWallSeconds(3600.0);
    summary.setDurationMs(new DurationStats(1.5, 5003.0, 5100.0, 123456.789));
    List<ItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      failures.add(new ItemFailure(999_000L + i, WORST, WORST, WORST));
    }
    summary.setFailures(failures);
    return new SummaryCollector.Outcome(
        summary,
        Optional.of(
            cc.getStatus().getResults().getPrefix()
                + "/"
                + MAP_RUN.substring(MAP_RUN.lastIndexOf(':') + 1)
                + "/manifest.json"));
  }
}
