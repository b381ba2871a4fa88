package io.computecase.local.cli;

import io.computecase.local.stack.EmbeddedStack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Run the embedded stack until stopped, for kubectl and the AWS CLI.")
final class UpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      description =
          "Folder for the kubeconfig and everything the stack holds, kept across restarts: Kubernetes resources, state machines, executions and waiting task tokens, EventBridge rules, SQS queues and messages, S3 buckets and objects, and the AWS ports. Default: a new temporary folder for the kubeconfig, state in memory only.")
  Path dataDir;

  @Option(
      names = "--port",
      defaultValue = "0",
      description =
          "AWS services on N (Step Functions), N+1 (EventBridge), N+2 (SQS), N+3 (S3); default: free ports.")
  int awsPort;

  @Option(
      names = "--kube-port",
      defaultValue = "0",
      description = "The Kubernetes API server's port; default: a free port.")
  int kubePort;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Use the API server of this kubeconfig's current context (a real cluster, kind, minikube) instead of the embedded one: the CRDs are installed or updated there, and the workers of its ComputeTarget Deployments run in this process.")
  Path kubeconfig;

  @Option(
      names = "--allow-exec",
      description =
          "Run the workers of exec ComputeTargets, whose programs run as your user; without it their Deployments report ReplicaFailure (ExecNotAllowed).")
  boolean allowExec;

  @Option(
      names = "--no-operator",
      description =
          "Run no operator in this process: the operator jar (or its replicas, with leader election) reconciles the cases, given the export lines' endpoints as COMPUTECASE_SFN_ENDPOINT, COMPUTECASE_EVENTS_ENDPOINT and COMPUTECASE_SQS_ENDPOINT.")
  boolean noOperator;

  @Option(
      names = "--keep-executions-days",
      defaultValue = "90",
      paramLabel = "DAYS",
      description =
          "Forget closed executions (with their Map Runs and children) this many days after they close, as AWS does after 90. Default: ${DEFAULT-VALUE}.")
  int keepExecutionsDays;

  @Option(
      names = "--keep-executions",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Keep at most N closed executions of each state machine, the oldest forgotten first, so that a long-running stack does not grow without end. Default: ${DEFAULT-VALUE}.")
  int keepExecutions;

  @Mixin StackOptions stack;

  @Override
  public Integer call() throws Exception {
    if (kubeconfig != null && !Files.isReadable(kubeconfig)) {
      throw new IllegalArgumentException(
          "--kubeconfig "
              + kubeconfig
              + " is not a readable file: give the kubeconfig of the cluster to use");
    }
    if (keepExecutionsDays < 1 || keepExecutions < 1) {
      throw new IllegalArgumentException(
          "--keep-executions-days and --keep-executions must be at least 1, got "
              + keepExecutionsDays
              + " and "
              + keepExecutions);
    }
    if (kubeconfig != null && kubePort != 0) {
      throw new IllegalArgumentException(
          "--kube-port sets the embedded API server's port; with --kubeconfig there is none: drop one of them");
    }
    Path dir =
        dataDir == null
            ? Files.createTempDirectory("computecase-")
            : Files.createDirectories(dataDir);
    EmbeddedStack running =
        EmbeddedStack.builder()
            .awsBasePort(awsPort)
            .kubernetesPort(kubePort)
            .dataDir(dataDir == null ? null : dir)
            .kubeconfig(kubeconfig == null ? null : kubeconfig.toAbsolutePath())
            .runOperator(!noOperator)
            .allowExec(allowExec)
            .executionRetention(Duration.ofDays(keepExecutionsDays), keepExecutions)
            .workers(stack.workers)
            .workerConcurrency(stack.workerConcurrency)
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                },
                "computecase-shutdown"));
    Path config =
        running
            .embeddedKubernetes()
            .map(embedded -> embedded.writeKubeconfig(dir.resolve("kubeconfig")))
            .orElse(kubeconfig == null ? null : kubeconfig.toAbsolutePath());
    PrintWriter out = spec.commandLine().getOut();
    out.println("ComputeCase is up. Paste these lines into a shell:");
    out.println();
    out.println("export KUBECONFIG=" + config);
    out.println(
        "export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION="
            + EmbeddedStack.REGION
            + " AWS_DEFAULT_REGION="
            + EmbeddedStack.REGION);
    out.println(
        "export AWS_ENDPOINT_URL_SFN="
            + running.aws().stepFunctionsEndpoint()
            + " AWS_ENDPOINT_URL_EVENTBRIDGE="
            + running.aws().eventsEndpoint()
            + " AWS_ENDPOINT_URL_SQS="
            + running.aws().sqsEndpoint()
            + " AWS_ENDPOINT_URL_S3="
            + running.aws().s3Endpoint());
    out.println();
    out.println(
        "Then: kubectl apply -f sample_data_sets/computecase-example.yaml && kubectl get computecases -w");
    out.println("AWS CLI versions without AWS_ENDPOINT_URL_* take --endpoint-url, e.g.");
    out.println(
        "  aws stepfunctions list-executions --endpoint-url "
            + running.aws().stepFunctionsEndpoint()
            + " --state-machine-arn arn:aws:states:"
            + EmbeddedStack.REGION
            + ":000000000000:stateMachine:computecase");
    out.println("Stop with Ctrl-C.");
    out.flush();
    stopped.await();
    return 0;
  }
}
