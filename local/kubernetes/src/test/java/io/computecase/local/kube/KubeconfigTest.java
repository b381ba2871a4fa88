package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubeconfig the embedded server writes is a credential: its owner's alone. */
class KubeconfigTest {
  @TempDir Path tmp;

  private static final String PEM =
      "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

  @Test
  void isWrittenReadableByItsOwnerOnly() throws Exception {
    Path file =
        new Kubeconfig("https://127.0.0.1:6443", "the-token", PEM)
            .writeTo(tmp.resolve("sub/kubeconfig"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .contains("server: https://127.0.0.1:6443")
        .contains("token: \"the-token\"")
        .contains(
            "certificate-authority-data: "
                + Base64.getEncoder().encodeToString(PEM.getBytes(StandardCharsets.US_ASCII)))
        .doesNotContain("insecure-skip-tls-verify");
  }

  @Test
  void replacingAWorldReadableFileLeavesItOwnerOnly() throws Exception {
    Path file = tmp.resolve("kubeconfig");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    new Kubeconfig("https://127.0.0.1:6443", "the-token", PEM).writeTo(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("the-token");
    try (var left = Files.list(tmp)) {
      assertThat(left).containsExactly(file); // no temporary file left beside it
    }
  }
}
