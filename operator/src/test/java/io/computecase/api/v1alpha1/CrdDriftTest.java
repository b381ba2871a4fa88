package io.computecase.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** crds/ must hold exactly what the build generates from the model. */
class CrdDriftTest {
  private static final String REFRESH =
      " differs from the CRD generated from the Java model. Refresh it with:"
          + " mvn -B -q -o -pl operator process-classes && cp operator/target/crds/*.yml crds/";

  @Test
  void committedCrdsMatchTheGeneratedOnes() throws IOException {
    Path generated = Path.of(System.getProperty("computecase.generatedCrds", "target/crds"));
    Path committed = Path.of(System.getProperty("computecase.committedCrds", "../crds"));
    try (Stream<Path> files = Files.list(generated)) {
      var names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).contains("computecases.computecase.io-v1.yml");
      for (String name : names) {
        Path mine = committed.resolve(name);
        assertThat(mine).as("crds/" + name + " is missing;" + REFRESH).exists();
        assertThat(Files.readString(mine))
            .as("crds/" + name + REFRESH)
            .isEqualTo(Files.readString(generated.resolve(name)));
      }
    }
  }
}
