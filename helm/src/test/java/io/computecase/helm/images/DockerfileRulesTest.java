package io.computecase.helm.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.helm.chart.ChartSources;
import io.computecase.helm.images.DockerfileInstructions.Instruction;
import io.computecase.helm.images.DockerfileInstructions.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Docker cannot run here, so the images' rules are checked by reading their Dockerfiles. */
class DockerfileRulesTest {

  private static final Pattern REMOTE_URL = Pattern.compile("(?i)\\b(https?|ftp)://");
  private static final Pattern USER = Pattern.compile("^(?<user>[^:\\s]+)(:(?<group>\\S+))?$");

  @ParameterizedTest
  @CsvSource({"operator, computecase-operator.jar", "worker, computecase-worker.jar"})
  void buildsTheShadedJarWithMavenThenRunsItOnAJreOnly(String module, String jar)
      throws IOException {
    DockerfileInstructions dockerfile = read(module + "/Dockerfile");
    List<Stage> stages = dockerfile.stages();
    assertThat(stages).hasSizeGreaterThanOrEqualTo(2);

    Stage build = stages.get(0);
    assertThat(build.image()).startsWith("maven:").contains("eclipse-temurin-17");
    assertThat(build.all("RUN"))
        .anySatisfy(run -> assertThat(run.arguments()).contains("mvn ").contains("-pl " + module));

    Stage runtime = dockerfile.runtime();
    assertThat(runtime.image()).isEqualTo("eclipse-temurin:17-jre");
    assertThat(runtime.all("RUN")).noneMatch(run -> run.arguments().contains("mvn"));
    assertThat(runtime.all("COPY"))
        .anySatisfy(
            copy ->
                assertThat(copy.arguments())
                    .contains("--from=" + build.name())
                    .endsWith("/app/" + jar));
    assertThat(runtime.all("ENTRYPOINT"))
        .singleElement()
        .satisfies(
            entrypoint ->
                assertThat(entrypoint.arguments())
                    .startsWith("[")
                    .contains("\"java\"", "\"-jar\"", "\"/app/" + jar + "\""));
  }

  @ParameterizedTest
  @CsvSource({
    "operator, computecase-operator, io.computecase.operator.OperatorMain",
    "worker, computecase-worker, io.computecase.worker.WorkerMain"
  })
  void copiesTheJarTheModuleBuildShades(String module, String jar, String mainClass)
      throws IOException {
    // The image copies target/<jar>.jar: the module's shade configuration must produce that file.
    String pom = Files.readString(ChartSources.repositoryRoot().resolve(module + "/pom.xml"));
    assertThat(pom)
        .containsAnyOf("<finalName>" + jar + "</finalName>", "/" + jar + ".jar</outputFile>")
        .contains("<mainClass>" + mainClass + "</mainClass>");
    assertThat(read(module + "/Dockerfile").stages().get(0).all("RUN"))
        .anySatisfy(
            run -> assertThat(run.arguments()).contains(module + "/target/" + jar + ".jar"));
  }

  @ParameterizedTest
  @MethodSource("dockerfiles")
  void runsAsANonRootNumericUser(Path file) throws IOException {
    Stage runtime = DockerfileInstructions.read(file).runtime();
    List<Instruction> users = runtime.all("USER");
    assertThat(users).as("%s sets USER in its last stage", file).isNotEmpty();
    Matcher last = USER.matcher(users.get(users.size() - 1).arguments());
    assertThat(last.matches()).isTrue();
    // Numeric, so the kubelet can check runAsNonRoot without reading /etc/passwd.
    assertThat(last.group("user")).matches("[0-9]+");
    assertThat(Integer.parseInt(last.group("user"))).isPositive();
    if (last.group("group") != null) {
      assertThat(last.group("group")).isNotIn("0", "root");
    }
  }

  @ParameterizedTest
  @MethodSource("dockerfiles")
  void fetchesNothingRemoteWithAdd(Path file) throws IOException {
    assertThat(DockerfileInstructions.read(file).all("ADD"))
        .noneMatch(add -> REMOTE_URL.matcher(add.arguments()).find());
  }

  @ParameterizedTest
  @MethodSource("dockerfiles")
  void pinsEveryBaseImageToATag(Path file) throws IOException {
    assertThat(DockerfileInstructions.read(file).stages())
        .allSatisfy(
            stage ->
                assertThat(stage.image())
                    .as("FROM in %s", file)
                    .doesNotEndWith(":latest")
                    .matches(".+:.+|\\$\\{[A-Z_]+\\}"));
  }

  @Test
  void theExecExampleExtendsTheWorkerAndConfiguresItsProgram() throws IOException {
    DockerfileInstructions example = read("worker/examples/exec-python/Dockerfile");
    assertThat(example.all("ARG"))
        .anySatisfy(
            arg ->
                assertThat(arg.arguments())
                    .startsWith("WORKER_IMAGE=")
                    .contains("computecase-worker:"));
    String env = String.join(" ", example.all("ENV").stream().map(Instruction::arguments).toList());
    assertThat(env).contains("COMPUTECASE_COMPUTATION=exec").contains("COMPUTECASE_EXEC_COMMAND=");
    assertThat(example.all("COPY"))
        .anySatisfy(copy -> assertThat(copy.arguments()).contains("score.py"));
    assertThat(ChartSources.repositoryRoot().resolve("worker/examples/exec-python/score.py"))
        .exists();
  }

  @Test
  void theParserJoinsContinuationsAndDropsComments() throws IOException {
    Path file = Files.createTempFile("Dockerfile", "");
    Files.writeString(
        file,
        "# comment\nFROM maven:3 AS build\nRUN a \\\n    && b\n\nFROM eclipse-temurin:17-jre\n"
            + "USER 10001\n");
    DockerfileInstructions parsed = DockerfileInstructions.read(file);
    assertThat(parsed.stages()).extracting(Stage::name).containsExactly("build", "");
    assertThat(parsed.stages().get(0).all("RUN"))
        .extracting(Instruction::arguments)
        .containsExactly("a && b");
    Files.delete(file);
  }

  static Stream<Path> dockerfiles() throws IOException {
    Path root = ChartSources.repositoryRoot();
    try (Stream<Path> examples = Files.walk(root.resolve("worker/examples"))) {
      return Stream.concat(
          Stream.of(root.resolve("operator/Dockerfile"), root.resolve("worker/Dockerfile")),
          examples.filter(p -> p.getFileName().toString().equals("Dockerfile")).toList().stream())
          .toList()
          .stream();
    }
  }

  private static DockerfileInstructions read(String path) throws IOException {
    return DockerfileInstructions.read(ChartSources.repositoryRoot().resolve(path));
  }
}
