package io.computecase.local.cli;

import io.computecase.local.stack.EmbeddedStack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the embedded stack until stopped, as a one-machine control plane: kubectl drives its API
 * server through the kubeconfig it writes, and AWS clients reach its services on loopback.
 */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Run the embedded stack until stopped, for kubectl and the AWS CLI.")
final class UpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data-dir", description = "Folder for the kubeconfig and everything the stack holds, kept across restarts: Kubernetes resources, state machines, executions and waiting task tokens, EventBridge rules, SQS queues and messages, and the AWS ports. Default: a new temporary folder for the kubeconfig, state in memory only.")
  Path dataDir;

  @Option(names = "--port", defaultValue = "0", description = "AWS services on N (Step Functions), N+1 (EventBridge), N+2 (SQS); default: free ports.")
  int awsPort;

  @Option(names = "--kube-port", defaultValue = "0", description = "The Kubernetes API server's port; default: a free port.")
  int kubePort;

  @Mixin StackOptions stack;

  @Override
  public Integer call() throws Exception {
    Path dir = dataDir == null ? Files.createTempDirectory("computecase-") : Files.createDirectories(dataDir);
    EmbeddedStack running =
        EmbeddedStack.builder()
            .awsBasePort(awsPort)
            .kubernetesPort(kubePort)
            .dataDir(dataDir == null ? null : dir)
            .workers(stack.workers)
            .workerConcurrency(stack.workerConcurrency)
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "computecase-shutdown"));
    Path kubeconfig = running.kubernetes().writeKubeconfig(dir.resolve("kubeconfig"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("ComputeCase is up. Paste these lines into a shell:");
    out.println();
    out.println("export KUBECONFIG=" + kubeconfig);
    out.println("export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=" + EmbeddedStack.REGION
        + " AWS_DEFAULT_REGION=" + EmbeddedStack.REGION);
    out.println("export AWS_ENDPOINT_URL_SFN=" + running.aws().stepFunctionsEndpoint()
        + " AWS_ENDPOINT_URL_EVENTBRIDGE=" + running.aws().eventsEndpoint()
        + " AWS_ENDPOINT_URL_SQS=" + running.aws().sqsEndpoint());
    out.println();
    out.println("Then: kubectl apply -f sample_data_sets/computecase-example.yaml && kubectl get computecases -w");
    out.println("AWS CLI versions without AWS_ENDPOINT_URL_* take --endpoint-url, e.g.");
    out.println("  aws stepfunctions list-executions --endpoint-url " + running.aws().stepFunctionsEndpoint()
        + " --state-machine-arn arn:aws:states:" + EmbeddedStack.REGION + ":000000000000:stateMachine:computecase");
    out.println("Stop with Ctrl-C.");
    out.flush();
    stopped.await();
    return 0;
  }
}
