package io.computecase.worker.computation;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The computations on the class path, by name, as {@link java.util.ServiceLoader} finds them. */
public final class ComputationCatalog {
  private final Map<String, Computation> byName = new TreeMap<>();

  private ComputationCatalog(ClassLoader classLoader) {
    for (Computation computation : ServiceLoader.load(Computation.class, classLoader)) {
      byName.putIfAbsent(computation.name(), computation);
    }
  }

  /** The computations visible to the worker's own class loader. */
  public static ComputationCatalog load() {
    return new ComputationCatalog(ComputationCatalog.class.getClassLoader());
  }

  /** The named computation; an unknown name is refused with the names that exist. */
  public Computation get(String name) {
    Computation computation = byName.get(name);
    if (computation == null) {
      throw new IllegalArgumentException(
          "Unknown computation '"
              + name
              + "' (COMPUTECASE_COMPUTATION); known: "
              + String.join(", ", byName.keySet()));
    }
    return computation;
  }
}
