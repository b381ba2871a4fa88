package io.computecase.local.sfn.execution.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import io.computecase.local.sfn.errors.EngineException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A task restored from a snapshot waits again only once its execution resumes: an answer that comes
 * between the restart and then is kept for it, not refused as TaskTimedOut.
 */
class ReservedTokenTest {
  private final TaskTokenRegistry tokens = new TaskTokenRegistry();

  @Test
  void anAnswerBeforeTheTaskWaitsAgainEndsItWhenItDoes() {
    String token = tokens.issue();
    tokens.reserve(token);

    tokens.complete(token, new TaskOutcome.Success(IntNode.valueOf(7)));

    WaitingTask resumed = new WaitingTask(0);
    AtomicReference<TaskOutcome> heard = new AtomicReference<>();
    tokens.register(token, resumed);
    resumed.whenClosed(heard::set);
    assertThat(heard.get()).isEqualTo(new TaskOutcome.Success(IntNode.valueOf(7)));
    assertThat(tokens.waitingCount()).isZero();
    // A second answer is late, as on AWS.
    assertThatThrownBy(() -> tokens.complete(token, new TaskOutcome.Failure("E", "c")))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("does not exist anymore");
  }

  @Test
  void withoutAnEarlyAnswerTheResumedTaskWaitsForItsToken() {
    String token = tokens.issue();
    tokens.reserve(token);
    tokens.heartbeat(token, () -> {});

    WaitingTask resumed = new WaitingTask(0);
    tokens.register(token, resumed);
    assertThat(resumed.closed()).isFalse();

    tokens.complete(token, new TaskOutcome.Failure("Compute.Failed", "boom"));
    assertThat(resumed.outcome()).isEqualTo(new TaskOutcome.Failure("Compute.Failed", "boom"));
    assertThat(tokens.waitingCount()).isZero();
  }
}
