package io.computecase.local.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How much of an interval the JIT compiler spent compiling, to tell when a warm-up has done its
 * work. A JVM that does not report compilation time is taken as quiet after one interval.
 */
final class JitActivity {
  /** Compiling for less than this share of an interval's wall time counts as quiet. */
  static final int QUIET_PERCENT = 5;

  private final CompilationMXBean compiler;
  private long startNanos;
  private long startCompileMillis;

  JitActivity() {
    this(ManagementFactory.getCompilationMXBean());
  }

  JitActivity(CompilationMXBean compiler) {
    this.compiler =
        compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler : null;
  }

  void startInterval() {
    startNanos = System.nanoTime();
    startCompileMillis = compileMillis();
  }

  Interval endInterval() {
    long wallNanos = System.nanoTime() - startNanos;
    return compiler == null
        ? new Interval(wallNanos, -1)
        : new Interval(wallNanos, compileMillis() - startCompileMillis);
  }

  private long compileMillis() {
    return compiler == null ? 0 : compiler.getTotalCompilationTime();
  }

  /** One interval: its wall time and the compiler's time in it (-1: not reported). */
  record Interval(long wallNanos, long compileMillis) {
    double seconds() {
      return wallNanos / 1e9;
    }

    String compileSecondsText() {
      return compileMillis < 0
          ? "unknown"
          : String.format(Locale.ROOT, "%.1f", compileMillis / 1000.0);
    }

    /** True when the compiler used under {@link #QUIET_PERCENT}% of the interval, or is silent. */
    boolean quiet() {
      return compileMillis < 0 || compileMillis * 1_000_000L * 100 < wallNanos * QUIET_PERCENT;
    }
  }
}
