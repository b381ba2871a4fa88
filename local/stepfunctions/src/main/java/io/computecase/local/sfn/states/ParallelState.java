package io.computecase.local.sfn.states;

import io.computecase.local.sfn.definition.Catcher;
import io.computecase.local.sfn.definition.Retrier;
import io.computecase.local.sfn.definition.StateGraph;
import io.computecase.local.sfn.execution.ParallelRun;
import io.computecase.local.sfn.execution.Recovery;
import io.computecase.local.sfn.execution.StateRun;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Parallel: runs every branch on the same input; its result is the array of branch outputs. */
public final class ParallelState extends State {
  private final List<StateGraph> branches;
  private final List<Retrier> retriers;
  private final List<Catcher> catchers;

  public ParallelState(
      StateFields fields,
      List<StateGraph> branches,
      List<Retrier> retriers,
      List<Catcher> catchers) {
    super(fields);
    this.branches = List.copyOf(branches);
    this.retriers = List.copyOf(retriers);
    this.catchers = List.copyOf(catchers);
  }

  public List<StateGraph> branches() {
    return branches;
  }

  @Override
  public CompletableFuture<Transition> run(StateRun run) {
    return Recovery.run(
        run,
        retriers,
        catchers,
        () -> {
          var branchInput =
              fields().jsonata()
                  ? (fields().arguments() == null
                      ? run.input()
                      : io.computecase.local.sfn.eval.Evaluation.jsonataTemplate(
                          fields().arguments(), run.scope(run.input()), "Arguments"))
                  : run.parametersApplied(run.pathInput());
          return ParallelRun.run(run, branches, branchInput).thenApply(run::finish);
        });
  }

  public List<Catcher> catchers() {
    return catchers;
  }
}
