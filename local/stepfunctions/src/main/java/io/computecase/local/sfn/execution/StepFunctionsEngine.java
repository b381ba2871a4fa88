package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.history.EventDetails;
import io.computecase.local.sfn.execution.history.HistorySpill;
import io.computecase.local.sfn.execution.timers.Timers;
import io.computecase.local.sfn.execution.tokens.Heartbeats;
import io.computecase.local.sfn.execution.tokens.TaskOutcome;
import io.computecase.local.sfn.execution.tokens.TaskTokenRegistry;
import io.computecase.local.sfn.integration.ServiceIntegration;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The engine's runtime: executions and Map Runs in memory, the shared executors, timers and the
 * task token registry. It launches, ends and stops executions, each state run by the {@link
 * StateRunner} it was built with; the API layer asks it questions.
 */
public final class StepFunctionsEngine implements AutoCloseable {
  private final String region;
  private final String accountId;
  private final Clock clock;
  private final ExecutorService executor;
  private final ExecutorService blockingExecutor;
  private final Timers timers;
  private final TaskTokenRegistry tokens = new TaskTokenRegistry();
  private final Heartbeats heartbeats;
  private final StateRunner stateRunner;
  private final Map<String, ServiceIntegration> integrations = new ConcurrentHashMap<>();
  private final ExecutionStore store = new ExecutionStore();
  private volatile Duration closedRetention = Duration.ofDays(90);
  private volatile int closedKept = 1_000;
  private HistorySpill historySpill;
  private volatile Consumer<Execution> childFinishedListener = child -> {};
  private boolean historySpillFailed;
  // Read before written so that busy engines do not keep bouncing the cache line between cores.
  private volatile boolean changed;

  /** An engine whose states are run by {@code stateRunner} (the steps package's StateSteps). */
  public StepFunctionsEngine(
      String region, String accountId, Clock clock, StateRunner stateRunner) {
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
    this.stateRunner = stateRunner;
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("sfn-engine"));
    // Service calls block on HTTP; they get their own pool so states never wait behind them.
    this.blockingExecutor = Executors.newFixedThreadPool(64, daemon("sfn-integration"));
    this.timers = new Timers(clock, executor);
    this.heartbeats = new Heartbeats(clock, timers, tokens);
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  public Clock clock() {
    return clock;
  }

  public ExecutorService executor() {
    return executor;
  }

  /** The pool for integration calls that block (HTTP to EventBridge, SQS). */
  public ExecutorService blockingExecutor() {
    return blockingExecutor;
  }

  public Timers timers() {
    return timers;
  }

  public TaskTokenRegistry tokens() {
    return tokens;
  }

  public Heartbeats heartbeats() {
    return heartbeats;
  }

  /** What runs each state a graph walk enters. */
  public StateRunner stateRunner() {
    return stateRunner;
  }

  public void addIntegration(ServiceIntegration integration) {
    integrations.put(integration.service(), integration);
  }

  public ServiceIntegration integration(String service) {
    return integrations.get(service);
  }

  /** {@code arn:aws:states:<region>:<account>:<type>:<name>}. */
  public String arn(String type, String name) {
    return "arn:aws:states:" + region + ":" + accountId + ":" + type + ":" + name;
  }

  public Execution execution(String arn) {
    return store.execution(arn);
  }

  /** The top-level executions of a state machine, in start order. */
  public Collection<Execution> executionsOf(String stateMachineArn) {
    return store.executionsOf(stateMachineArn);
  }

  public MapRun mapRun(String arn) {
    return store.mapRun(arn);
  }

  /** Every top-level execution, each state machine's in start order (for snapshots). */
  public List<Execution> topLevelExecutions() {
    return store.topLevel();
  }

  /** Notes that something worth persisting changed; cheap, called on every history event. */
  public void changed() {
    if (!changed) {
      changed = true;
    }
  }

  /** Whether anything changed since the last call (a snapshot is due). */
  public boolean takeChanged() {
    if (!changed) {
      return false;
    }
    changed = false;
    return true;
  }

  /** Puts back an execution read from a snapshot, top-level or a Map Run's child. */
  void restore(Execution execution) {
    if (execution.mapRun() == null) {
      store.register(execution);
    } else {
      store.registerChild(execution);
    }
  }

  /** Makes a Map Run findable by its ARN (DescribeMapRun). */
  public void registerMapRun(MapRun run) {
    store.registerMapRun(run);
  }

  /**
   * Registers a new top-level execution unless one with its ARN exists; returns the one that won.
   */
  public Execution register(Execution execution) {
    return store.register(execution);
  }

  /** Starts a registered execution; completes with its end status. */
  public CompletableFuture<ExecutionStatus> launch(Execution execution) {
    store.registerChild(execution);
    changed();
    long started =
        execution
            .history()
            .append(
                clock.millis(),
                "ExecutionStarted",
                0,
                new EventDetails.ExecutionStarted(
                    execution.input(), execution.revision().roleArn()));
    Frame frame = new Frame(this, execution, new HashMap<>(), started);
    // A child's frame is kept only while it runs (see end): a snapshot reads where it stands.
    execution.topFrame(frame);
    return run(execution, frame, execution.revision().graph().startAt(), execution.input(), false);
  }

  /**
   * Continues an execution restored from a snapshot in the state it was in, without entering that
   * state again (a waiting task waits on with its token); completes with its end status.
   */
  public CompletableFuture<ExecutionStatus> resume(Execution execution) {
    Frame frame = execution.topFrame();
    if (frame == null || frame.currentState() == null) {
      if (execution.history().size() == 0) {
        return launch(execution);
      }
      if (frame == null) {
        frame = new Frame(this, execution, new HashMap<>(), execution.history().size());
        execution.topFrame(frame);
      }
      return run(
          execution, frame, execution.revision().graph().startAt(), execution.input(), false);
    }
    return run(execution, frame, frame.currentState(), frame.currentInput(), true);
  }

  private CompletableFuture<ExecutionStatus> run(
      Execution execution, Frame frame, String startState, JsonNode input, boolean resumed) {
    Integer timeout = execution.revision().timeoutSeconds();
    if (timeout != null) {
      long from =
          execution.redriveCount() > 0 ? execution.redriveMillis() : execution.startMillis();
      Timers.Timer timer =
          timers.schedule(
              from + timeout * 1000L,
              () -> end(execution, new ExecutionStatus.TimedOut("States.Timeout", null), frame));
      execution.ended().whenComplete((s, e) -> timer.cancel());
    }
    executor.execute(
        () ->
            GraphWalk.walk(
                execution.revision().graph(),
                startState,
                frame,
                input,
                resumed,
                (output, failure) -> {
                  if (failure == null) {
                    end(execution, new ExecutionStatus.Succeeded(output), frame);
                  } else {
                    end(
                        execution,
                        new ExecutionStatus.Failed(failure.error(), failure.cause()),
                        frame);
                  }
                }));
    return execution.ended();
  }

  /**
   * RedriveExecution: runs a failed, timed-out or aborted execution again from the state where it
   * stopped, with that state's input and the variables as they were.
   */
  public void redrive(Execution execution) {
    Frame frame = execution.topFrame();
    if (execution.status().open()
        || execution.status() instanceof ExecutionStatus.Succeeded
        || frame == null
        || frame.currentState() == null) {
      String reason =
          execution.mapRun() != null
              ? "Execution is a child of a Map Run and cannot be redriven on its own"
              : "Execution is " + execution.status().apiName() + " and cannot be redriven";
      throw new EngineException(EngineError.EXECUTION_NOT_REDRIVABLE, reason);
    }
    execution.reopen(clock.millis());
    frame.record("ExecutionRedriven", new EventDetails.Redriven(execution.redriveCount()));
    // Timers started by the previous run die with it (its end ran the abort hooks).
    run(execution, frame, frame.currentState(), frame.currentInput(), false);
  }

  /** StopExecution (or a failing Map Run): aborts a running execution and what it waits on. */
  public boolean abort(Execution execution, String error, String cause) {
    return end(execution, new ExecutionStatus.Aborted(error, cause), null);
  }

  private boolean end(Execution execution, ExecutionStatus status, Frame frame) {
    if (!execution.close(status, clock.millis())) {
      return false;
    }
    long previous = frame == null ? execution.history().size() : frame.lastEventId();
    EventDetails details;
    String type;
    if (status instanceof ExecutionStatus.Succeeded s) {
      type = "ExecutionSucceeded";
      details = new EventDetails.Output(s.output());
    } else if (status instanceof ExecutionStatus.Failed f) {
      type = "ExecutionFailed";
      details = new EventDetails.Error(f.error(), f.cause());
    } else if (status instanceof ExecutionStatus.TimedOut t) {
      type = "ExecutionTimedOut";
      details = new EventDetails.Error(t.error(), t.cause());
    } else {
      ExecutionStatus.Aborted a = (ExecutionStatus.Aborted) status;
      type = "ExecutionAborted";
      details = new EventDetails.Error(a.error(), a.cause());
    }
    execution.history().append(clock.millis(), type, previous, details);
    changed();
    if (execution.mapRun() != null) {
      execution.topFrame(null);
    }
    for (Runnable hook : execution.takeAbortHooks()) {
      hook.run();
    }
    if (execution.mapRun() != null) {
      spillHistory(execution);
      execution.compactInput();
      store.childFinished(execution);
      childFinishedListener.accept(execution);
    }
    execution.ended().complete(status);
    if (execution.mapRun() == null) {
      store.evictClosed(
          execution.revision().stateMachineArn(),
          clock.millis() - closedRetention.toMillis(),
          closedKept);
    }
    return true;
  }

  /**
   * A finished child of a Map Run keeps its identity, input and end on the heap; its history goes
   * to the spill file (a Map Run of a million items has a million of them), from which
   * GetExecutionHistory reads it back.
   */
  private void spillHistory(Execution child) {
    HistorySpill spill = historySpill();
    if (spill != null && !child.history().spillTo(spill)) {
      synchronized (this) {
        historySpillFailed = true;
      }
    }
  }

  /** The file finished histories go to: a temporary one unless persistence named one. */
  public synchronized HistorySpill historySpill() {
    if (historySpill == null && !historySpillFailed) {
      try {
        historySpill = HistorySpill.temporary();
      } catch (RuntimeException e) {
        // No temporary directory: histories stay in memory, as before.
        historySpillFailed = true;
      }
    }
    return historySpill;
  }

  /**
   * Called as each Map Run child ends, its history spilled, before its end is told (persistence
   * writes it once to its log of finished children).
   */
  public void onChildFinished(Consumer<Execution> listener) {
    this.childFinishedListener = listener;
  }

  /**
   * Spills finished histories to this file, which outlives the engine (its data directory), so that
   * snapshots refer to them instead of holding them; set before anything runs.
   */
  public synchronized void spillHistoriesTo(HistorySpill durable) {
    if (historySpill != null) {
      historySpill.close();
    }
    historySpill = durable;
    historySpillFailed = false;
  }

  /**
   * How long closed executions are kept (AWS: 90 days) and how many closed executions of each state
   * machine at most, with their Map Runs and children: so that a long-running engine does not grow
   * without end. Applied as executions close.
   */
  public void retainClosed(Duration age, int perStateMachine) {
    if (age.isNegative() || perStateMachine < 0) {
      throw new IllegalArgumentException(
          "retention must be a positive age and a count of 0 or more, got "
              + age
              + " and "
              + perStateMachine);
    }
    this.closedRetention = age;
    this.closedKept = perStateMachine;
  }

  /** SendTaskSuccess: the output must be JSON (checked by the caller). */
  public void succeedTask(String token, JsonNode output) {
    tokens.complete(token, new TaskOutcome.Success(output));
  }

  public void failTask(String token, String error, String cause) {
    tokens.complete(token, new TaskOutcome.Failure(error, cause));
  }

  public void heartbeat(String token) {
    heartbeats.beat(token);
  }

  @Override
  public void close() {
    timers.close();
    executor.shutdownNow();
    blockingExecutor.shutdownNow();
    // A durable spill file stays open: the final snapshot, written after this, refers to it.
    synchronized (this) {
      if (historySpill != null && !historySpill.durable()) {
        historySpill.close();
      }
    }
  }
}
