package io.computecase.local.sfn.execution.steps;

import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.StateRunner;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.integration.s3.ObjectStore;
import io.computecase.local.sfn.states.ChoiceState;
import io.computecase.local.sfn.states.FailState;
import io.computecase.local.sfn.states.MapState;
import io.computecase.local.sfn.states.ParallelState;
import io.computecase.local.sfn.states.PassState;
import io.computecase.local.sfn.states.StateVisitor;
import io.computecase.local.sfn.states.SucceedState;
import io.computecase.local.sfn.states.TaskState;
import io.computecase.local.sfn.states.WaitState;
import java.util.concurrent.CompletableFuture;

/** The one place where a state meets the step that runs it: each state type to its own class. */
public final class StateSteps
    implements StateRunner, StateVisitor<CompletableFuture<Transition>, StateRun> {
  private final ObjectStore s3;

  /** Steps whose Distributed Maps have no S3: an ItemReader or ResultWriter fails, saying so. */
  public StateSteps() {
    this(ObjectStore.NOT_CONFIGURED);
  }

  /** Steps whose Distributed Maps read items from and write results to {@code s3}. */
  public StateSteps(ObjectStore s3) {
    this.s3 = s3;
  }

  @Override
  public CompletableFuture<Transition> run(StateRun run) {
    return run.state().accept(this, run);
  }

  @Override
  public CompletableFuture<Transition> pass(PassState state, StateRun run) {
    return PassStep.run(state, run);
  }

  @Override
  public CompletableFuture<Transition> task(TaskState state, StateRun run) {
    return TaskStep.run(state, run);
  }

  @Override
  public CompletableFuture<Transition> choice(ChoiceState state, StateRun run) {
    return ChoiceStep.run(state, run);
  }

  @Override
  public CompletableFuture<Transition> waitState(WaitState state, StateRun run) {
    return WaitStep.run(state, run);
  }

  @Override
  public CompletableFuture<Transition> succeed(SucceedState state, StateRun run) {
    return SucceedStep.run(state, run);
  }

  @Override
  public CompletableFuture<Transition> fail(FailState state, StateRun run) {
    return FailStep.run(state, run);
  }

  @Override
  public CompletableFuture<Transition> parallel(ParallelState state, StateRun run) {
    return ParallelStep.run(state, run);
  }

  @Override
  public CompletableFuture<Transition> map(MapState state, StateRun run) {
    return MapStep.run(state, run, s3);
  }
}
