package io.computecase.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line's second JVM: same class path, main class and arguments, client compiler only,
 * parallel collector unless one was chosen.
 */
class JvmTuningTest {
  @Test
  void aJvmWithoutTheSettingIsRestartedWithItAndTheSameCommand() {
    // The test JVM is started without -XX:TieredStopAtLevel, as `java -jar` would be.
    List<String> command =
        JvmTuning.relaunchCommand(
                "io.computecase.local.cli.ComputeCaseLocal",
                new String[] {"demo", "--compute-ms", "10"})
            .orElseThrow();

    assertThat(command.get(0)).endsWith("java");
    assertThat(command.subList(1, 3))
        .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");
    int classPath = command.indexOf("-cp");
    assertThat(command.get(classPath + 1)).isEqualTo(System.getProperty("java.class.path"));
    assertThat(command.subList(classPath + 2, command.size()))
        .containsExactly("io.computecase.local.cli.ComputeCaseLocal", "demo", "--compute-ms", "10");
  }

  @Test
  void aJvmStartedWithTheSettingIsUsedAsItIs() throws Exception {
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes());

    assertThat(child.waitFor()).as(output).isZero();
    assertThat(output.strip()).isEqualTo("relaunch=false");
  }

  @Test
  void aCollectorChosenOnTheCommandLineIsKept() throws Exception {
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes());

    assertThat(child.waitFor()).as(output).isZero();
    assertThat(output.strip())
        .startsWith("relaunch=true")
        .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
        .doesNotContain("-XX:+UseParallelGC");
  }

  /** Run in a child JVM: says whether that JVM would start another one. */
  public static final class Probe {
    public static void main(String[] args) {
      var command = JvmTuning.relaunchCommand(Probe.class.getName(), args);
      System.out.println("relaunch=" + command.isPresent() + command.map(c -> " " + c).orElse(""));
    }
  }
}
