package io.computecase.local.sfn.execution.map.reader;

/** An item source is malformed at a line (1-based; 0 when no line applies). */
public final class ItemReadException extends RuntimeException {
  private final long line;

  public ItemReadException(long line, String problem) {
    super(problem, null, false, false);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
