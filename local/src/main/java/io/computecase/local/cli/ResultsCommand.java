package io.computecase.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.local.results.ResultFiles;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Prints or writes a finished case's per-item results as JSON Lines, read from the result files its
 * Distributed Map wrote to S3 (status.results says where): against the embedded stack of {@code up}
 * or a real cluster and AWS alike.
 */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description = {
      "Print a ComputeCase's per-item results as JSON Lines: {\"index\", \"item\", \"status\","
          + " \"output\"} or, for a failed item, \"error\" and \"cause\".",
      "Reads the case through the current kubeconfig and its result files from S3, as the"
          + " status.results of the case names them."
    })
final class ResultsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The ComputeCase's name.")
  String name;

  @Option(
      names = {"-n", "--namespace"},
      description = "The case's namespace (default: the kubeconfig context's, else default).")
  String namespace;

  @Option(
      names = "--kubeconfig",
      description = "The kubeconfig to use (default: $KUBECONFIG, else ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--failed", description = "Only the items that failed (FAILED result files).")
  boolean failed;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the JSON Lines to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description =
          "S3 endpoint, e.g. the s3= line of `up` (default: $AWS_ENDPOINT_URL_S3, else AWS).")
  URI s3Endpoint;

  @Override
  public Integer call() {
    if (kubeconfig != null && !Files.isReadable(kubeconfig)) {
      throw new IllegalArgumentException(
          "--kubeconfig " + kubeconfig + " is not a readable file: give the cluster's kubeconfig");
    }
    JsonNode results = resultsOf(caseResource());
    String bucket = results.path("bucket").asText("");
    String manifestKey = results.path("manifestKey").asText("");
    List<ResultFiles.Group> groups =
        failed
            ? List.of(ResultFiles.Group.FAILED)
            : List.of(
                ResultFiles.Group.SUCCEEDED, ResultFiles.Group.FAILED, ResultFiles.Group.PENDING);
    try (S3Client s3 = s3Client();
        Writer out = writer()) {
      long count =
          new ResultFiles(s3, bucket, manifestKey)
              .forEach(
                  groups,
                  result -> {
                    try {
                      out.write(result.toJson());
                      out.write('\n');
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
      out.flush();
      if (output != null) {
        spec.commandLine().getErr().println("Wrote " + count + " item results to " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }

  private GenericKubernetesResource caseResource() {
    Config config =
        kubeconfig == null
            ? Config.autoConfigure(null)
            : Config.fromKubeconfig(null, readKubeconfig(), kubeconfig.toString());
    String ns =
        namespace != null
            ? namespace
            : Optional.ofNullable(config.getNamespace()).orElse("default");
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(new VertxHttpClientFactory())
            .build()) {
      GenericKubernetesResource found =
          client
              .genericKubernetesResources("computecase.io/v1alpha1", "ComputeCase")
              .inNamespace(ns)
              .withName(name)
              .get();
      if (found == null) {
        throw new IllegalArgumentException(
            "ComputeCase "
                + ns
                + "/"
                + name
                + " does not exist: check the name (kubectl get computecases -n "
                + ns
                + ")");
      }
      return found;
    }
  }

  private String readKubeconfig() {
    try {
      return Files.readString(kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode resultsOf(GenericKubernetesResource computeCase) {
    JsonNode status = JSON.valueToTree(computeCase.getAdditionalProperties().get("status"));
    JsonNode results = status == null ? null : status.path("results");
    String where = computeCase.getMetadata().getNamespace() + "/" + name;
    if (results == null || !results.path("manifestKey").isTextual()) {
      String phase = status == null ? "" : status.path("phase").asText("");
      throw new IllegalArgumentException(
          "ComputeCase "
              + where
              + " has no results yet"
              + (phase.isEmpty() ? "" : " (phase " + phase + ")")
              + ": they are written when its items have all ended; wait with kubectl wait"
              + " --for=jsonpath='{.status.results.manifestKey}' computecase/"
              + name);
    }
    return results;
  }

  private S3Client s3Client() {
    URI endpoint =
        s3Endpoint != null
            ? s3Endpoint
            : Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_S3"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")))
                .filter(s -> !s.isBlank())
                .map(URI::create)
                .orElse(null);
    var builder = S3Client.builder();
    if (endpoint != null) {
      // A local S3 serves buckets as paths, not as host names.
      builder
          .endpointOverride(endpoint)
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
          // An endpoint of one's own (the embedded stack's) needs no account: a fixed local
          // identity follows the usual chain, as the operator's clients do.
          .credentialsProvider(
              AwsCredentialsProviderChain.builder()
                  .credentialsProviders(
                      DefaultCredentialsProvider.builder().build(),
                      StaticCredentialsProvider.create(
                          AwsBasicCredentials.create("local", "local")))
                  .build());
      Map<String, String> env = System.getenv();
      if (env.get("AWS_REGION") == null && env.get("AWS_DEFAULT_REGION") == null) {
        builder.region(Region.US_EAST_1);
      }
    }
    return builder.build();
  }

  private Writer writer() throws IOException {
    if (output == null) {
      PrintWriter commandOut = spec.commandLine().getOut();
      return new FilterWriter(commandOut) {
        @Override
        public void close() {
          commandOut.flush(); // the command line's output stays open for the rest of the process
        }
      };
    }
    return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
  }
}
