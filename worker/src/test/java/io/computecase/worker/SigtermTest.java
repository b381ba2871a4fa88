package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The container's entry point in its own JVM, stopped by a real SIGTERM. */
class SigtermTest {
  private final TestingStack stack = new TestingStack(5, 300);
  private Process process;

  @AfterEach
  void close() {
    if (process != null) {
      process.destroyForcibly();
    }
    stack.close();
  }

  private int count(QueueAttributeName attribute) {
    return Integer.parseInt(
        stack
            .sqs
            .getQueueAttributes(b -> b.queueUrl(stack.queueUrl).attributeNames(attribute))
            .attributes()
            .get(attribute));
  }

  private static String metrics(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void sigtermReleasesTheUnfinishedItemAtOnceAndTheJvmExits(@TempDir Path logs) throws Exception {
    stack.sendItem(0, "{\"computeMs\": 600000}");
    int httpPort = TestingStack.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WorkerMain.class.getName(),
                "--queue-url=" + stack.queueUrl,
                "--http-port=" + httpPort,
                "--grace-seconds=1")
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("worker.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("COMPUTECASE_SQS_ENDPOINT", stack.sqsEndpoint());
    env.put("COMPUTECASE_SFN_ENDPOINT", stack.sfn.endpoint().toString());
    env.put("COMPUTECASE_WAIT_TIME_SECONDS", "1");
    env.put("COMPUTECASE_WORKER_ID", "container-1");
    env.remove("COMPUTECASE_TARGET");
    process = builder.start();

    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> metrics(httpPort).contains("computecase_worker_items_in_flight 1.0\n"));
    process.destroy(); // SIGTERM

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // Visible again long before the queue's 300 s visibility timeout: it was released.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES) == 1);
    String log = Files.readString(logs.resolve("worker.log"));
    assertThat(log).contains("released 1 unfinished messages");
    assertThat(stack.sfn.answers()).isEmpty();
  }
}
