package io.computecase.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.CompilationMXBean;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** When the warm-up may stop: the compiler's share of an interval, as the JVM reports it. */
class JitActivityTest {
  /** A compiler whose reported total compile time the test sets. */
  private static final class Compiler implements CompilationMXBean {
    long totalMillis;
    final boolean reports;

    Compiler(boolean reports) {
      this.reports = reports;
    }

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isCompilationTimeMonitoringSupported() {
      return reports;
    }

    @Override
    public long getTotalCompilationTime() {
      if (!reports) {
        throw new UnsupportedOperationException("not reported");
      }
      return totalMillis;
    }

    @Override
    public ObjectName getObjectName() {
      return null;
    }
  }

  private static JitActivity.Interval interval(long wallNanos, long compileMillis) {
    return new JitActivity.Interval(wallNanos, compileMillis);
  }

  @Test
  void anIntervalIsQuietBelowTheThresholdShareOfItsWallTime() {
    long tenSeconds = 10_000_000_000L;
    assertThat(interval(tenSeconds, 499).quiet()).isTrue();
    assertThat(interval(tenSeconds, 500).quiet()).isFalse();
    assertThat(interval(tenSeconds, 2_600).quiet()).isFalse();
    assertThat(interval(tenSeconds, 0).quiet()).isTrue();
  }

  @Test
  void measuresTheCompileTimeSpentInsideTheInterval() {
    Compiler compiler = new Compiler(true);
    compiler.totalMillis = 7_000;
    JitActivity jit = new JitActivity(compiler);

    jit.startInterval();
    compiler.totalMillis = 7_250;
    JitActivity.Interval interval = jit.endInterval();

    assertThat(interval.compileMillis()).isEqualTo(250);
    assertThat(interval.compileSecondsText()).isEqualTo("0.3");
  }

  @Test
  void aJvmThatDoesNotReportCompileTimeIsQuietAfterOneInterval() {
    JitActivity jit = new JitActivity(new Compiler(false));

    jit.startInterval();
    JitActivity.Interval interval = jit.endInterval();

    assertThat(interval.quiet()).isTrue();
    assertThat(interval.compileSecondsText()).isEqualTo("unknown");
  }
}
