package io.computecase.local.sfn.execution.tokens;

import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tasks waiting for their tokens, indexed by token. A token is 128 random bits followed by the
 * serial of the wait, URL-safe base64: unguessable, and telling a task that no longer waits (AWS
 * answers TaskTimedOut) from one that never existed (TaskDoesNotExist) without keeping closed
 * tokens around.
 */
public final class TaskTokenRegistry {
  private static final int TOKEN_BYTES = 24;
  private static final int TOKEN_CHARS = 32;

  private final SecureRandom random = new SecureRandom();
  private final AtomicLong serials = new AtomicLong();
  private final ConcurrentHashMap<String, WaitingTask> waiting = new ConcurrentHashMap<>();
  // Tokens of tasks restored from a snapshot, until their tasks wait again: an answer that comes
  // first is held here and handed to the task when it registers.
  private final ConcurrentHashMap<String, WaitingTask> reserved = new ConcurrentHashMap<>();

  /** A fresh token, not yet waiting. */
  public String issue() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    ByteBuffer.wrap(bytes, 16, 8).putLong(serials.incrementAndGet());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The serial of the last token issued: a restart continues after it. */
  public long lastSerial() {
    return serials.get();
  }

  /** After a restart: tokens up to this serial were issued before (TaskTimedOut, not unknown). */
  public void continueAfter(long serial) {
    serials.accumulateAndGet(serial, Math::max);
  }

  /**
   * After a restart, a task waited for this token and will again once its execution resumes; until
   * then an answer (success, failure) is accepted and kept for it, and a heartbeat is accepted.
   */
  public void reserve(String token) {
    WaitingTask placeholder = new WaitingTask(0);
    reserved.put(token, placeholder);
    waiting.putIfAbsent(token, placeholder);
  }

  /** The task now waits for this token; an answer held for it while it was restored ends it. */
  public void register(String token, WaitingTask task) {
    WaitingTask held = reserved.remove(token);
    TaskOutcome early = held == null ? null : held.outcome();
    if (early != null) {
      task.close(early);
      waiting.remove(token, held);
      return;
    }
    waiting.put(token, task);
  }

  /** The task no longer waits (it ended, timed out or was stopped). */
  public void remove(String token) {
    waiting.remove(token);
    reserved.remove(token);
  }

  /** How many tasks wait now. */
  public int waitingCount() {
    return waiting.size();
  }

  /** Ends a waiting task with an outcome from the API, or explains (as AWS) why it cannot. */
  public void complete(String token, TaskOutcome outcome) {
    WaitingTask task = find(token);
    if (!task.close(outcome)) {
      throw timedOut();
    }
    if (!reserved.containsKey(token)) {
      waiting.remove(token);
    }
  }

  /** Records a heartbeat: the heartbeat timer starts over. */
  public void heartbeat(String token, Runnable restartTimer) {
    find(token);
    restartTimer.run();
  }

  /**
   * The task waiting for this token, or (as AWS) TaskTimedOut for a token that no longer waits,
   * TaskDoesNotExist for one never issued, InvalidToken for one that is not a token.
   */
  WaitingTask find(String token) {
    WaitingTask task = waiting.get(token);
    if (task != null) {
      return task;
    }
    long serial = serialOf(token);
    if (serial <= 0 || serial > serials.get()) {
      throw new EngineException(
          EngineError.TASK_DOES_NOT_EXIST, "Task Does Not Exist: 'Provided task does not exist'");
    }
    throw timedOut();
  }

  private static EngineException timedOut() {
    return new EngineException(
        EngineError.TASK_TIMED_OUT, "Task Timed Out: 'Provided task does not exist anymore'");
  }

  private static long serialOf(String token) {
    if (token == null || token.length() != TOKEN_CHARS) {
      throw invalid();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token);
      return ByteBuffer.wrap(bytes, 16, 8).getLong();
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static EngineException invalid() {
    return new EngineException(EngineError.INVALID_TOKEN, "Invalid Token: 'Invalid token'");
  }
}
