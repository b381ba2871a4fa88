package io.computecase.helm.chart;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the chart and the repository's other install artifacts live, seen from the helm module. */
public final class ChartSources {

  private ChartSources() {}

  /**
   * The helm module's directory; Surefire runs tests from it, an IDE may run them from the root.
   */
  public static Path moduleDir() {
    Path here = Path.of("").toAbsolutePath();
    if (Files.isDirectory(here.resolve("computecase/templates"))) {
      return here;
    }
    Path fromRoot = here.resolve("helm");
    if (Files.isDirectory(fromRoot.resolve("computecase/templates"))) {
      return fromRoot;
    }
    throw new IllegalStateException("Run the tests from /helm or the repository root, not " + here);
  }

  public static Path chartDir() {
    return moduleDir().resolve("computecase");
  }

  public static Path repositoryRoot() {
    return moduleDir().getParent();
  }

  /** A values file kept beside the tests, in src/test/resources/values. */
  public static Path valuesFile(String name) {
    return moduleDir().resolve("src/test/resources/values").resolve(name);
  }
}
