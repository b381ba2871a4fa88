package io.computecase.local.kube.watch;

import io.computecase.local.kube.discovery.ResourcePath;
import io.computecase.local.kube.store.ResourceChange;
import java.util.regex.Pattern;

/** What one watch asks for: a collection, selectors and where in history to start. */
public record WatchRequest(
    ResourcePath path, Selector labels, Selector fields, String fromVersion) {

  public static WatchRequest of(ResourcePath path) {
    Selector fields = Selector.fields(path.query().get("fieldSelector"));
    if (path.name() != null) {
      // the legacy form /plural/name?watch=true watches one object
      fields = Selector.fields("metadata.name=" + path.name());
    }
    return new WatchRequest(
        path,
        Selector.labels(path.query().get("labelSelector")),
        fields,
        path.query().getOrDefault("resourceVersion", ""));
  }

  public boolean matches(ResourceChange change) {
    return inCollection(change.collectionPath())
        && labels.test(change.object())
        && fields.test(change.object());
  }

  /** True when the watch wants the current objects first (no version, or version 0). */
  public boolean startsWithCurrentState() {
    return fromVersion.isEmpty() || fromVersion.equals("0");
  }

  private boolean inCollection(String collectionPath) {
    if (path.namespace() != null) {
      return collectionPath.equals(path.collectionPath());
    }
    String prefix = path.groupVersionPath();
    return collectionPath.equals(prefix + "/" + path.plural())
        || collectionPath.matches(
            Pattern.quote(prefix) + "/namespaces/[^/]+/" + Pattern.quote(path.plural()));
  }
}
