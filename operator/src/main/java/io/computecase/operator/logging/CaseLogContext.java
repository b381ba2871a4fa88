package io.computecase.operator.logging;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.slf4j.MDC;

/**
 * The MDC of one piece of reconcile work: the case's name and namespace and, once known, its
 * execution ARN, so every log line written meanwhile says which case and execution it is about.
 */
public final class CaseLogContext implements AutoCloseable {
  public static final String CASE = "case";
  public static final String NAMESPACE = "namespace";
  public static final String EXECUTION_ARN = "executionArn";

  private CaseLogContext() {}

  /** Puts the resource's name and namespace (and the ARN, when not null) until closed. */
  public static CaseLogContext of(HasMetadata resource, String executionArn) {
    MDC.put(CASE, resource.getMetadata().getName());
    MDC.put(NAMESPACE, resource.getMetadata().getNamespace());
    executionArn(executionArn);
    return new CaseLogContext();
  }

  /** Records the execution ARN once it is known (chosen, or read from status). */
  public static void executionArn(String executionArn) {
    if (executionArn != null) {
      MDC.put(EXECUTION_ARN, executionArn);
    }
  }

  @Override
  public void close() {
    MDC.remove(CASE);
    MDC.remove(NAMESPACE);
    MDC.remove(EXECUTION_ARN);
  }
}
