package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.helm.chart.ChartValues;
import io.computecase.helm.chart.PodContainer;
import io.computecase.helm.chart.RenderedChart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the operator may do in the cluster: everything it needs, verb by verb, and no more. */
class RbacLeastPrivilegeTest {

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void noWildcardAnywhere(ChartValues values) {
    assertThat(rules(values.render()))
        .allSatisfy(
            rule -> {
              assertThat(rule.getVerbs()).isNotEmpty().doesNotContain("*");
              assertThat(rule.getResources()).isNotEmpty().doesNotContain("*");
              assertThat(rule.getApiGroups()).doesNotContain("*");
              assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
            });
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void neverTouchesSecretsPodsOrRbac(ChartValues values) {
    assertThat(rules(values.render()))
        .flatExtracting(PolicyRule::getResources)
        .doesNotContain(
            "secrets",
            "pods",
            "pods/exec",
            "roles",
            "rolebindings",
            "clusterroles",
            "serviceaccounts");
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void grantsWhatTheReconcilersDo(ChartValues values) {
    List<PolicyRule> rules = rules(values.render());
    assertAllowed(rules, "computecase.io", "computecases", "get", "list", "watch", "patch");
    assertAllowed(rules, "computecase.io", "computetargets", "get", "list", "watch", "patch");
    assertAllowed(rules, "computecase.io", "computecases/status", "patch", "update");
    assertAllowed(rules, "computecase.io", "computetargets/status", "patch", "update");
    assertAllowed(rules, "computecase.io", "computecases/finalizers", "update");
    assertAllowed(rules, "", "configmaps", "get");
    assertAllowed(rules, "", "events", "create", "patch");
    assertAllowed(rules, "apps", "deployments", "get", "create", "patch", "delete");
    assertAllowed(rules, "coordination.k8s.io", "leases", "get", "create", "update");
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void scaledObjectsForAutoscaledTargetsWhereverTheOperatorMayFindKeda(ChartValues values) {
    assertAllowed(rules(values.render()), "keda.sh", "scaledobjects", "get", "create", "delete");
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void crdsAreReadOneByNameNeverListed(ChartValues values) {
    assertThat(rules(values.render()))
        .filteredOn(rule -> rule.getResources().contains("customresourcedefinitions"))
        .isNotEmpty()
        .allSatisfy(
            rule -> {
              assertThat(rule.getVerbs()).containsExactly("get");
              assertThat(rule.getResourceNames())
                  .containsExactlyInAnyOrder(
                      "computecases.computecase.io",
                      "computetargets.computecase.io",
                      "scaledobjects.keda.sh");
            });
  }

  @Test
  void readOnlyDatasetsNeverWritten() {
    assertThat(rules(ChartValues.DEFAULTS.render()))
        .filteredOn(rule -> rule.getResources().contains("configmaps"))
        .flatExtracting(PolicyRule::getVerbs)
        .containsOnly("get", "list", "watch");
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void everyBindingTiesARenderedRoleToTheOperatorServiceAccount(ChartValues values) {
    RenderedChart chart = values.render();
    String operatorAccount =
        chart.all(ServiceAccount.class).stream()
            .map(sa -> sa.getMetadata().getName())
            .filter(name -> !name.endsWith("worker"))
            .findFirst()
            .orElseThrow();
    Stream<Map.Entry<RoleRef, List<Subject>>> bindings =
        Stream.concat(
            chart.all(ClusterRoleBinding.class).stream()
                .map(b -> Map.entry(b.getRoleRef(), b.getSubjects())),
            chart.all(RoleBinding.class).stream()
                .map(b -> Map.entry(b.getRoleRef(), b.getSubjects())));
    bindings.forEach(
        binding -> {
          List<? extends HasMetadata> roles =
              binding.getKey().getKind().equals("ClusterRole")
                  ? chart.all(ClusterRole.class)
                  : chart.all(Role.class);
          assertThat(roles)
              .extracting(r -> r.getMetadata().getName())
              .contains(binding.getKey().getName());
          assertThat(binding.getValue())
              .singleElement()
              .satisfies(
                  subject -> {
                    assertThat(subject.getKind()).isEqualTo("ServiceAccount");
                    assertThat(subject.getName()).isEqualTo(operatorAccount);
                    assertThat(subject.getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
                  });
        });
  }

  @Test
  void namespacedScopeWithoutAWatchListServesOnlyTheReleaseNamespace() {
    RenderedChart chart = RenderedChart.render(List.of(), Map.of("rbac.scope", "namespaced"));
    assertThat(chart.all(Role.class))
        .extracting(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
        .containsExactlyInAnyOrder(
            RenderedChart.NAMESPACE + "/cc-computecase",
            RenderedChart.NAMESPACE + "/cc-computecase-leader-election");
    // Watching all namespaces with Roles in one would fail on the first cluster-wide list.
    assertThat(PodContainer.operator(chart).env())
        .containsEntry("COMPUTECASE_WATCH_NAMESPACES", RenderedChart.NAMESPACE);
  }

  @Test
  void rbacCanBeLeftToThePlatformTeam() {
    RenderedChart chart = RenderedChart.render(List.of(), Map.of("rbac.create", "false"));
    assertThat(chart.all(ClusterRole.class)).isEmpty();
    assertThat(chart.all(Role.class)).isEmpty();
    assertThat(chart.all(RoleBinding.class)).isEmpty();
  }

  private static void assertAllowed(
      List<PolicyRule> rules, String group, String resource, String... verbs) {
    for (String verb : verbs) {
      assertThat(rules)
          .as("%s %s.%s", verb, resource, group)
          .anyMatch(
              rule ->
                  rule.getApiGroups().contains(group)
                      && rule.getResources().contains(resource)
                      && rule.getVerbs().contains(verb)
                      && (rule.getResourceNames() == null || rule.getResourceNames().isEmpty()));
    }
  }

  private static List<PolicyRule> rules(RenderedChart chart) {
    return Stream.concat(
            chart.all(ClusterRole.class).stream().flatMap(r -> r.getRules().stream()),
            chart.all(Role.class).stream().flatMap(r -> r.getRules().stream()))
        .toList();
  }
}
