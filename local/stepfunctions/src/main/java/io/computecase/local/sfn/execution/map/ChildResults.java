package io.computecase.local.sfn.execution.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.ExecutionStatus;
import io.computecase.local.sfn.execution.MapRun;
import io.computecase.local.sfn.execution.map.writer.ChildResult;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A Map Run's units in order, each as the child execution that ran it last (a redriven run's
 * earlier attempts are replaced), or as PENDING when it never started; made one at a time, for the
 * ResultWriter to stream.
 */
final class ChildResults implements Iterator<ChildResult> {
  private final MapUnits units;
  private final Execution[] latest;
  private final JsonNode[] outputs;
  private int next;

  ChildResults(MapRun mapRun, MapUnits units) {
    this.units = units;
    this.latest = new Execution[units.size()];
    for (Execution child : mapRun.children()) {
      int unit = child.unitIndex();
      if (unit >= 0 && unit < latest.length) {
        latest[unit] = child;
      }
    }
    this.outputs = mapRun.outputs();
  }

  @Override
  public boolean hasNext() {
    return next < latest.length;
  }

  @Override
  public ChildResult next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int unit = next++;
    Execution child = latest[unit];
    if (child == null || child.status().open()) {
      return new ChildResult(
          "PENDING", null, null, null, units.unit(unit), null, null, null, 0, 0, 0);
    }
    ExecutionStatus status = child.status();
    JsonNode output = null;
    String error = null;
    String cause = null;
    if (status instanceof ExecutionStatus.Succeeded succeeded) {
      output = unit < outputs.length && outputs[unit] != null ? outputs[unit] : succeeded.output();
    } else if (status instanceof ExecutionStatus.Failed failed) {
      error = failed.error();
      cause = failed.cause();
    } else if (status instanceof ExecutionStatus.TimedOut timedOut) {
      error = timedOut.error();
      cause = timedOut.cause();
    } else if (status instanceof ExecutionStatus.Aborted aborted) {
      error = aborted.error();
      cause = aborted.cause();
    }
    JsonNode input = child.input() != null ? child.input() : units.unit(unit);
    return new ChildResult(
        status.apiName(),
        child.arn(),
        child.name(),
        child.revision().stateMachineArn(),
        input,
        output,
        error,
        cause,
        child.startMillis(),
        child.stopMillis(),
        child.redriveCount());
  }
}
