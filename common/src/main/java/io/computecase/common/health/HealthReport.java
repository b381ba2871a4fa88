package io.computecase.common.health;

import java.util.List;
import java.util.Optional;

/** What one run of a probe's checks found: each check's name and problem, if any. */
public record HealthReport(List<Outcome> outcomes) {
  public HealthReport {
    outcomes = List.copyOf(outcomes);
  }

  /** One check's result. */
  public record Outcome(String check, Optional<String> problem) {
    public boolean passed() {
      return problem.isEmpty();
    }
  }

  /** Whether every check passed (no checks pass too). */
  public boolean healthy() {
    return outcomes.stream().allMatch(Outcome::passed);
  }

  public List<Outcome> failures() {
    return outcomes.stream().filter(o -> !o.passed()).toList();
  }

  /**
   * The probe's answer, as the Kubernetes API server writes its own: {@code ok} when healthy;
   * otherwise (or when {@code verbose}) one {@code [+]name ok} or {@code [-]name failed: problem}
   * line per check, then {@code <probe> check passed|failed}.
   */
  public String describe(String probe, boolean verbose) {
    boolean healthy = healthy();
    if (healthy && !verbose) {
      return "ok\n";
    }
    StringBuilder text = new StringBuilder();
    for (Outcome outcome : outcomes) {
      text.append(
          outcome
              .problem()
              .map(p -> "[-]" + outcome.check() + " failed: " + p)
              .orElse("[+]" + outcome.check() + " ok"));
      text.append('\n');
    }
    return text.append(probe).append(healthy ? " check passed\n" : " check failed\n").toString();
  }
}
