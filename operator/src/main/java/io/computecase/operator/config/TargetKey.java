package io.computecase.operator.config;

import java.util.Objects;

/**
 * One compute target: a ComputeTarget resource in a namespace, or a target of the whole install
 * (configured with COMPUTECASE_TARGETS, {@code namespace} null). Its route keys are what a case's
 * item events carry and its rule matches, so a target only ever receives items of cases it may
 * serve: a namespaced target, those of its own namespace.
 */
public record TargetKey(String namespace, String name) {

  public TargetKey {
    Objects.requireNonNull(name, "name");
  }

  public static TargetKey installWide(String name) {
    return new TargetKey(null, name);
  }

  public static TargetKey namespaced(String namespace, String name) {
    return new TargetKey(Objects.requireNonNull(namespace, "namespace"), name);
  }

  public boolean isNamespaced() {
    return namespace != null;
  }

  /**
   * The route key of a case target this target takes items for: {@code namespace/caseTarget} for a
   * namespaced target, {@code caseTarget} for one of the install. Target names have no '/', so the
   * two kinds never meet.
   */
  public String route(String caseTarget) {
    return namespace == null ? caseTarget : namespace + "/" + caseTarget;
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "/" + name;
  }
}
