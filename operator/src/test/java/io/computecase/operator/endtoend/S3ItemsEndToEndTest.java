package io.computecase.operator.endtoend;

import static io.computecase.operator.testing.OperatorTestStack.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ItemsFrom;
import io.computecase.api.v1alpha1.S3ItemsObject;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.operator.testing.TestingWorker.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's own S3 object, read in place by the local engine's ItemReader: a CSV whose rows become
 * items; a JSON Lines object with a malformed line and a CSV with a ragged row are refused by the
 * operator's preflight before anything starts, naming the object and the line.
 */
class S3ItemsEndToEndTest {
  private OperatorTestStack stack;

  @BeforeEach
  void start() {
    stack = new OperatorTestStack();
    stack.useLocalEngines();
    stack.startOperator();
    stack.s3.createBucket(r -> r.bucket("user-data"));
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private ComputeCase finished(String name, S3ItemsObject object) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setItemsFrom(new ItemsFrom(object));
    stack.create(name, spec);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              ComputeCase cc = stack.get(name);
              return cc.getStatus() != null && cc.getStatus().getCompletionTime() != null;
            });
    return stack.get(name);
  }

  @Test
  void aCsvObjectsRowsAreTheItems() {
    stack.putObject("user-data", "in/cases.csv", "caseId,size\n7,small\n8,large\n9,small\n");
    List<String> seen = new CopyOnWriteArrayList<>();
    stack.startWorker(
        (caseId, delivery) -> {
          seen.add(caseId);
          return new Answer.Succeed(5);
        });

    ComputeCase done = finished("from-csv", new S3ItemsObject("user-data", "in/cases.csv", null));

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().getMessage())
        .isEqualTo("Succeeded");
    assertThat(seen).containsExactlyInAnyOrder("7", "8", "9");
    assertThat(done.getStatus().getExecutionArn()).contains(":execution:computecase-csv:");
    assertThat(done.getStatus().getSummary().getSucceeded()).isEqualTo(3);
    assertThat(done.getStatus().getSummary().getDurationMs().getMax()).isEqualTo(5.0);
    assertThat(done.getStatus().getEstimate()).isNotNull();
  }

  @Test
  void aMalformedLineOrRowFailsTheCaseBeforeItStartsNamingTheObjectAndTheLine() {
    stack.putObject(
        "user-data", "in/broken.jsonl", "{\"caseId\":\"0\"}\n{\"caseId\":\"1\"}\n{\"caseId\": \n");
    stack.putObject("user-data", "in/rows.csv", "caseId,size\n0,10\n1,20,extra\n");
    stack.startWorker((caseId, delivery) -> new Answer.Succeed(1));
    ComputeCaseSpec jsonLines = new ComputeCaseSpec();
    jsonLines.setItemsFrom(new ItemsFrom(new S3ItemsObject("user-data", "in/broken.jsonl", null)));
    ComputeCaseSpec csv = new ComputeCaseSpec();
    csv.setItemsFrom(new ItemsFrom(new S3ItemsObject("user-data", "in/rows.csv", null)));
    stack.create("broken", jsonLines);
    stack.create("ragged", csv);

    ComputeCase broken = stack.awaitCase("broken", phase("Failed"));
    ComputeCase ragged = stack.awaitCase("ragged", phase("Failed"));

    assertThat(broken.getStatus().getMessage())
        .contains("s3://user-data/in/broken.jsonl line 3 is not valid JSON");
    assertThat(ragged.getStatus().getMessage())
        .contains("s3://user-data/in/rows.csv line 3 has 3 fields where the header has 2");
    // refused before the start: no execution, nothing staged
    assertThat(broken.getStatus().getExecutionArn()).isNull();
    assertThat(ragged.getStatus().getExecutionArn()).isNull();
  }
}
