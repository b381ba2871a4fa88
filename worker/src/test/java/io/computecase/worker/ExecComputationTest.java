package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.computecase.testing.TestingStepFunctions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecComputationTest {
  private final TestingStack stack = new TestingStack();

  @AfterEach
  void close() {
    stack.close();
  }

  private TestingStepFunctions.Answer answerWith(String command, String parameters) {
    return answerWith(command, parameters, config -> config);
  }

  private TestingStepFunctions.Answer answerWith(
      String command, String parameters, UnaryOperator<WorkerConfig.Builder> target) {
    String token = stack.sendItem(5, parameters);
    stack.start(target.apply(stack.workerConfig("w1").computation("exec").execCommand(command)));
    await().atMost(Duration.ofSeconds(30)).until(() -> stack.sfn.acceptedFor(token).size() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
    return stack.sfn.acceptedFor(token).get(0);
  }

  @Test
  void theProgramReadsTheItemOnStdinAndItsStdoutIsTheResult() {
    TestingStepFunctions.Answer answer =
        answerWith(
            "printf '{\"seen\":'; cat; printf ', \"index\": %s}' \"$COMPUTECASE_ITEM_INDEX\"",
            "{\"scale\": 3}");

    assertThat(answer.operation()).isEqualTo("SendTaskSuccess");
    var result = answer.output().path("result");
    assertThat(result.path("index").asInt()).isEqualTo(5);
    assertThat(result.path("seen").path("item").path("caseId").asText()).isEqualTo("5");
    assertThat(result.path("seen").path("parameters").path("scale").asInt()).isEqualTo(3);
    assertThat(result.path("seen").path("requestId").asText()).isEqualTo("req-1");
  }

  @Test
  void theDocumentedExampleProgramScoresItems() {
    Path example = Path.of("examples/exec/score.py").toAbsolutePath();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "the example needs python3");

    TestingStepFunctions.Answer answer = answerWith("python3 " + example, "{\"weight\": 3}");

    assertThat(answer.operation()).isEqualTo("SendTaskSuccess");
    // caseId "5": ord('5') = 53, times the weight 3
    assertThat(answer.output().path("result").path("score").asInt()).isEqualTo(159);
  }

  @Test
  void aNonZeroExitFailsTheItemWithTheTailOfStderr() {
    TestingStepFunctions.Answer answer =
        answerWith("echo 'starting' >&2; echo 'input file missing: data.csv' >&2; exit 3", "{}");

    assertThat(answer.operation()).isEqualTo("SendTaskFailure");
    assertThat(answer.request().path("error").asText()).isEqualTo("ComputeCase.ExecFailed");
    assertThat(answer.request().path("cause").asText())
        .contains("Exit code 3")
        .contains("input file missing: data.csv");
  }

  @Test
  void aProgramPastItsTimeLimitIsKilledAndTheItemFails() {
    TestingStepFunctions.Answer answer =
        answerWith("echo 'working' >&2; sleep 60", "{\"execTimeoutSeconds\": 1}");

    assertThat(answer.operation()).isEqualTo("SendTaskFailure");
    assertThat(answer.request().path("error").asText()).isEqualTo("ComputeCase.ExecTimedOut");
    assertThat(answer.request().path("cause").asText()).contains("1 s").contains("working");
  }

  @Test
  void outputThatIsNotJsonFailsTheItemSayingWhatIsExpected() {
    TestingStepFunctions.Answer answer = answerWith("echo 'done!'", "{}");

    assertThat(answer.request().path("error").asText()).isEqualTo("ComputeCase.ExecInvalidOutput");
    assertThat(answer.request().path("cause").asText()).contains("not JSON").contains("done!");
  }

  @Test
  void stdoutOver256KiBFailsTheItemOnceWithoutReadingIt() {
    TestingStepFunctions.Answer answer = answerWith("head -c 300000 /dev/zero | tr '\\0' x", "{}");

    assertThat(answer.operation()).isEqualTo("SendTaskFailure");
    assertThat(answer.request().path("error").asText()).isEqualTo("ComputeCase.ExecOutputTooLarge");
    assertThat(answer.request().path("cause").asText())
        .contains("300000 bytes")
        .contains("256 KiB");
  }

  @Test
  void aResultThatStepFunctionsWouldRefuseFailsTheItemOnceSayingWhy() {
    // 262,140 bytes of stdout; with the answer's own fields the output passes 256 KiB
    TestingStepFunctions.Answer answer =
        answerWith("printf '\"'; head -c 262138 /dev/zero | tr '\\0' x; printf '\"'", "{}");

    assertThat(answer.operation()).isEqualTo("SendTaskFailure");
    assertThat(answer.request().path("error").asText()).isEqualTo("ComputeCase.ResultTooLarge");
    assertThat(answer.request().path("cause").asText()).contains("over the 262144 bytes (256 KiB)");
    assertThat(stack.sfn.answers()).hasSize(1);
  }

  @Test
  void theProgramSeesOnlyTheAllowedEnvironment() {
    TestingStepFunctions.Answer answer =
        answerWith(
            "printf '{\"names\": \"%s\"}' \"$(env | cut -d= -f1 | sort | tr '\\n' ' ')\"", "{}");

    Set<String> names =
        Arrays.stream(answer.output().path("result").path("names").asText().trim().split(" "))
            .collect(Collectors.toSet());
    // the shell's own (PWD, SHLVL, _) besides the allow-list: nothing of the worker's JVM,
    // Maven or the machine passes, and no AWS variable
    Set<String> allowed =
        Set.of(
            "PATH",
            "HOME",
            "LANG",
            "LC_ALL",
            "LC_CTYPE",
            "TZ",
            "TMPDIR",
            "USER",
            "COMPUTECASE_REQUEST_ID",
            "COMPUTECASE_ITEM_INDEX",
            "PWD",
            "SHLVL",
            "_",
            "OLDPWD");
    assertThat(names).isSubsetOf(allowed).contains("COMPUTECASE_ITEM_INDEX");
  }

  @Test
  void aTimeoutOverTheTargetsLimitFailsTheItemNamingTheLimit() {
    TestingStepFunctions.Answer answer =
        answerWith(
            "echo '{}'",
            "{\"execTimeoutSeconds\": 7200}",
            config ->
                config.execTimeout(Duration.ofSeconds(5)).execMaxTimeout(Duration.ofSeconds(600)));

    assertThat(answer.request().path("error").asText()).isEqualTo("ComputeCase.InvalidParameter");
    assertThat(answer.request().path("cause").asText())
        .contains("7200")
        .contains("600 s")
        .contains("spec.computation.execMaxTimeoutSeconds");
  }
}
