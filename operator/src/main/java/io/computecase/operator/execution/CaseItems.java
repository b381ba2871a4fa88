package io.computecase.operator.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.api.v1alpha1.S3ItemsObject;
import io.computecase.operator.validation.SpecProblemException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Resolves a case's items, whichever way its spec gives them: items the operator stages (inline,
 * generated lazily, or from a ConfigMap), or a user's S3 object left where it is.
 */
public final class CaseItems {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final KubernetesClient client;
  private final S3ItemsPreflight preflight;

  public CaseItems(KubernetesClient client, S3ItemsPreflight preflight) {
    this.client = client;
    this.preflight = preflight;
  }

  /**
   * The items; a ConfigMap that is missing or unreadable, or an S3 object that is missing or
   * malformed (read through once to count its items), is a spec problem, not a crash.
   */
  public ItemSource resolve(ComputeCase computeCase) {
    ComputeCaseSpec spec = computeCase.getSpec();
    if (spec.getItems() != null) {
      List<ObjectNode> items = List.copyOf(spec.getItems());
      return new ItemSource.Staged(items.size(), items::iterator);
    }
    if (spec.getGenerate() != null) {
      int count = spec.getGenerate().getCount();
      if (count > Generate.MAX_COUNT) { // the validator refuses it first; never stage such a list
        throw new SpecProblemException(
            "TooManyItems", "spec.generate.count " + count + " is over " + Generate.MAX_COUNT);
      }
      return new ItemSource.Staged(count, () -> generated(count));
    }
    if (spec.getItemsFrom().getS3() != null) {
      S3ItemsObject object = spec.getItemsFrom().getS3();
      return new ItemSource.InS3(object, preflight.count(object));
    }
    ArrayNode items = fromConfigMap(computeCase);
    List<ObjectNode> objects = new ArrayList<>(items.size());
    items.forEach(item -> objects.add((ObjectNode) item));
    return new ItemSource.Staged(objects.size(), objects::iterator);
  }

  /** {"caseId": "0"} .. {"caseId": "count-1"}, made as they are read. */
  private static Iterator<ObjectNode> generated(int count) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public ObjectNode next() {
        if (next >= count) {
          throw new NoSuchElementException();
        }
        return JsonNodeFactory.instance.objectNode().put("caseId", String.valueOf(next++));
      }
    };
  }

  private ArrayNode fromConfigMap(ComputeCase computeCase) {
    var ref = computeCase.getSpec().getItemsFrom().getConfigMapKeyRef();
    String namespace = computeCase.getMetadata().getNamespace();
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(ref.getName()).get();
    String where = "ConfigMap " + namespace + "/" + ref.getName();
    if (map == null) {
      throw new SpecProblemException(
          "ItemsSourceNotFound",
          "spec.itemsFrom.configMapKeyRef: "
              + where
              + " does not exist; create it or fix the name.");
    }
    String value = map.getData() == null ? null : map.getData().get(ref.getKey());
    if (value == null) {
      throw new SpecProblemException(
          "ItemsSourceNotFound",
          "spec.itemsFrom.configMapKeyRef: "
              + where
              + " has no key '"
              + ref.getKey()
              + "'; keys are "
              + (map.getData() == null ? "[]" : map.getData().keySet())
              + ".");
    }
    JsonNode parsed;
    try {
      parsed = MAPPER.readTree(value);
    } catch (JsonProcessingException e) {
      throw new SpecProblemException(
          "InvalidItemsSource",
          where
              + " key '"
              + ref.getKey()
              + "' is not JSON ("
              + e.getOriginalMessage()
              + "): store a dataset"
              + " {\"requests\": [...]} or a JSON array of objects.");
    }
    JsonNode list = parsed != null && parsed.isObject() ? parsed.get("requests") : parsed;
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new SpecProblemException(
          "InvalidItemsSource",
          where
              + " key '"
              + ref.getKey()
              + "' holds no items: store a dataset {\"requests\": [...]} or a non-empty JSON"
              + " array of objects.");
    }
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isObject()) {
        throw new SpecProblemException(
            "InvalidItemsSource",
            where
                + " key '"
                + ref.getKey()
                + "': item "
                + i
                + " is not a JSON object; write each item as an object.");
      }
    }
    return (ArrayNode) list;
  }
}
