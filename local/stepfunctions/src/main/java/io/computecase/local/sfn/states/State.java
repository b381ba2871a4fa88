package io.computecase.local.sfn.states;

import java.util.ArrayList;
import java.util.List;

/**
 * One parsed ASL state: immutable data that the execution package runs. What a state can tell about
 * itself without running (where it may go next, the graphs nested in it) it answers here; how it
 * runs is chosen in one place, by a {@link StateVisitor}.
 */
public sealed interface State
    permits PassState,
        TaskState,
        ChoiceState,
        WaitState,
        SucceedState,
        FailState,
        ParallelState,
        MapState {

  /** The fields every state shares. */
  StateFields fields();

  /** Hands this state, by its type, to the visitor. */
  <R, A> R accept(StateVisitor<R, A> visitor, A argument);

  default String name() {
    return fields().name();
  }

  /** The prefix of this state's history events, e.g. "Task" for TaskStateEntered. */
  default String eventPrefix() {
    return fields().type();
  }

  /** Whether an Exited event follows (Fail states end the run without one). */
  default boolean recordsExit() {
    return true;
  }

  /** The Retry rules of a state that has them (Task, Parallel, Map); empty for the others. */
  default List<Retrier> retriers() {
    return List.of();
  }

  /** The Catch rules of a state that has them (Task, Parallel, Map); empty for the others. */
  default List<Catcher> catchers() {
    return List.of();
  }

  /** The graphs nested in this state: a Parallel's branches, a Map's item processor. */
  default List<StateGraph> subgraphs() {
    return List.of();
  }

  /** Every state this one may go to: its Next, its Catch targets, and a Choice's rules. */
  default List<String> transitions() {
    List<String> targets = new ArrayList<>();
    if (fields().next() != null) {
      targets.add(fields().next());
    }
    for (Catcher catcher : catchers()) {
      targets.add(catcher.next());
    }
    return targets;
  }
}
