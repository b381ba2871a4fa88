package io.computecase.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two installs, or two namespaces, never get one AWS name; every name fits AWS's limits. */
class AwsNamesTest {
  private static final AwsNames INSTALL = new AwsNames("computecase");

  @Test
  void aTargetOfTheInstallKeepsItsReadableName() {
    AwsNames.TargetNames names = INSTALL.of(TargetKey.installWide("default"));
    assertThat(names.queue()).isEqualTo("computecase-default");
    assertThat(names.deadLetterQueue()).isEqualTo("computecase-default-dlq");
    assertThat(names.rule()).isEqualTo("computecase-default");
  }

  @Test
  void theSameTargetNameInTwoNamespacesOrTwoInstallsGetsFourNames() {
    Set<String> queues = new HashSet<>();
    for (String prefix : new String[] {"computecase", "staging"}) {
      for (String namespace : new String[] {"team-a", "team-b"}) {
        String queue = new AwsNames(prefix).of(TargetKey.namespaced(namespace, "shared")).queue();
        assertThat(queue).matches(prefix + "-shared-[0-9a-f]{16}");
        queues.add(queue);
      }
    }
    assertThat(queues).hasSize(4);
    // and none is the install target of the same name
    assertThat(queues).doesNotContain("computecase-shared", "staging-shared");
  }

  @Test
  void aPrefixEndingWhereAnotherInstallsTargetBeginsDoesNotMeetIt() {
    // "cc" + target "x-gpu" and "cc-x" + target "gpu" would both read cc-x-gpu without the hash
    String one = new AwsNames("cc").of(TargetKey.namespaced("ns", "x-gpu")).queue();
    String other = new AwsNames("cc-x").of(TargetKey.namespaced("ns", "gpu")).queue();
    assertThat(one).isNotEqualTo(other);
  }

  @Test
  void longNamesAreCutToFitAndStayDistinct() {
    AwsNames longest = new AwsNames("a".repeat(20));
    String namespace = "n".repeat(63);
    AwsNames.TargetNames first = longest.of(TargetKey.namespaced(namespace, "t".repeat(59) + "1"));
    AwsNames.TargetNames second = longest.of(TargetKey.namespaced(namespace, "t".repeat(59) + "2"));
    assertThat(first.rule()).hasSizeLessThanOrEqualTo(64);
    assertThat(first.deadLetterQueue()).hasSizeLessThanOrEqualTo(80);
    assertThat(first.queue()).isNotEqualTo(second.queue());
    assertThat(first.queue()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void routesOfANamespacedTargetNameItsNamespace() {
    assertThat(TargetKey.namespaced("team-a", "gpu").route("gpu")).isEqualTo("team-a/gpu");
    assertThat(TargetKey.installWide("gpu").route("gpu")).isEqualTo("gpu");
  }

  @Test
  void aPrefixThatCannotBeginAnAwsNameIsRefusedNamingTheSetting() {
    for (String bad : new String[] {"", "-x", "x-", "UPPER", "under_score", "a".repeat(21)}) {
      assertThatThrownBy(() -> new AwsNames(bad))
          .as(bad)
          .hasMessageContaining("aws.resourcePrefix");
    }
  }
}
