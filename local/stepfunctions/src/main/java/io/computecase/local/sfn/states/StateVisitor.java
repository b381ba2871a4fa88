package io.computecase.local.sfn.states;

/**
 * Something done with each type of state, one method per type, so that the compiler checks every
 * type is handled and no caller switches on a state's class.
 *
 * @param <R> what the visit returns
 * @param <A> what the visit is given besides the state
 */
public interface StateVisitor<R, A> {
  R pass(PassState state, A argument);

  R task(TaskState state, A argument);

  R choice(ChoiceState state, A argument);

  R waitState(WaitState state, A argument);

  R succeed(SucceedState state, A argument);

  R fail(FailState state, A argument);

  R parallel(ParallelState state, A argument);

  R map(MapState state, A argument);
}
