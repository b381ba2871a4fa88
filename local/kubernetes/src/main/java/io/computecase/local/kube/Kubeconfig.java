package io.computecase.local.kube;

import io.computecase.local.kube.auth.OwnerOnlyFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A kubeconfig with one cluster, user and current context for the embedded server: its HTTPS URL
 * and certificate (so kubectl verifies the server), and its bearer token. It is a credential, so it
 * is written readable by its owner only, as kubectl writes them.
 */
final class Kubeconfig {

  static final String NAME = "computecase-local";

  private final String url;
  private final String token;
  private final String certificatePem;

  Kubeconfig(String url, String token, String certificatePem) {
    this.url = url;
    this.token = token;
    this.certificatePem = certificatePem;
  }

  Path writeTo(Path file) {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
            certificate-authority-data: %3$s
        users:
        - name: %1$s
          user:
            token: "%4$s"
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: default
        current-context: %1$s
        preferences: {}
        """
            .formatted(
                NAME,
                url,
                Base64.getEncoder()
                    .encodeToString(certificatePem.getBytes(StandardCharsets.US_ASCII)),
                token);
    return OwnerOnlyFiles.write(file, yaml);
  }
}
