package io.computecase.operator.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.validation.SpecProblemException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Resolves a case's items, whichever way its spec gives them, into one JSON array. */
public final class CaseItems {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final KubernetesClient client;

  public CaseItems(KubernetesClient client) {
    this.client = client;
  }

  /** The items; a ConfigMap that is missing or unreadable is a spec problem, not a crash. */
  public ArrayNode resolve(ComputeCase computeCase) {
    ComputeCaseSpec spec = computeCase.getSpec();
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    if (spec.getItems() != null) {
      spec.getItems().forEach(items::add);
    } else if (spec.getGenerate() != null) {
      int count = spec.getGenerate().getCount();
      if (count > Generate.MAX_COUNT) { // the validator refuses it first; never build such a list
        throw new SpecProblemException(
            "TooManyItems", "spec.generate.count " + count + " is over " + Generate.MAX_COUNT);
      }
      for (int i = 0; i < count; i++) {
        items.addObject().put("caseId", String.valueOf(i));
      }
    } else {
      items.addAll(fromConfigMap(computeCase));
    }
    return items;
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
    if (value.length() > ExecutionInput.MAX_INPUT_BYTES) {
      throw new SpecProblemException(
          "ItemsSourceTooLarge",
          where
              + " key '"
              + ref.getKey()
              + "' holds "
              + value.length()
              + " characters, over the "
              + ExecutionInput.MAX_INPUT_BYTES
              + " bytes (256 KiB) a Step Functions execution input may hold: split the items"
              + " over several ConfigMaps and ComputeCases.");
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
