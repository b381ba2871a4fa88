package io.computecase.local.sfn.persistence;

/** A snapshot on disk that cannot be restored: the engine does not start on it. */
public final class SnapshotException extends IllegalStateException {
  public SnapshotException(String message) {
    super(message);
  }
}
