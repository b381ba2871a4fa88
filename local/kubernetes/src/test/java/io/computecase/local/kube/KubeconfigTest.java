package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubeconfig the embedded server writes is a credential: its owner's alone. */
class KubeconfigTest {
  @TempDir Path tmp;

  @Test
  void isWrittenReadableByItsOwnerOnly() throws Exception {
    Path file = new Kubeconfig("http://127.0.0.1:6443").writeTo(tmp.resolve("sub/kubeconfig"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("server: http://127.0.0.1:6443");
  }
}
