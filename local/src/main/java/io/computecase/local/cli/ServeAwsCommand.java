package io.computecase.local.cli;

import io.computecase.local.stack.EmbeddedAws;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves the local AWS services on loopback until stopped, for any AWS client or test suite. */
@Command(
    name = "serve-aws",
    mixinStandardHelpOptions = true,
    description = "Serve local Step Functions, EventBridge, SQS and S3 until stopped.")
final class ServeAwsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "0",
      description =
          "Step Functions on N, EventBridge on N+1, SQS on N+2, S3 on N+3 (default: free ports).")
  int port;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65532) {
      throw new IllegalArgumentException(
          "--port must be between 1 and 65532 (or 0 for free ports), got " + port);
    }
    EmbeddedAws aws = EmbeddedAws.start(port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  aws.close();
                  stopped.countDown();
                }));
    spec.commandLine()
        .getOut()
        .printf(
            "ENDPOINTS sfn=%s events=%s sqs=%s s3=%s%n",
            aws.stepFunctionsEndpoint(), aws.eventsEndpoint(), aws.sqsEndpoint(), aws.s3Endpoint());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
