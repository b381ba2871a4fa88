package io.computecase.local.kube.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ObjectPatcherTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectPatcher patcher = new ObjectPatcher();

  @Test
  void mergePatchReplacesListsAndRemovesNulls() throws Exception {
    JsonNode current = JSON.readTree("{\"spec\":{\"a\":1,\"b\":2,\"list\":[1,2]}}");
    JsonNode patch = JSON.readTree("{\"spec\":{\"b\":null,\"c\":3,\"list\":[9]}}");

    assertThat(patcher.apply(PatchType.MERGE, current, patch))
        .isEqualTo(JSON.readTree("{\"spec\":{\"a\":1,\"c\":3,\"list\":[9]}}"));
  }

  @Test
  void strategicMergeMergesNamedListItemsAndDropsDirectives() throws Exception {
    JsonNode current =
        JSON.readTree(
            "{\"containers\":[{\"name\":\"a\",\"image\":\"1\"},"
                + "{\"name\":\"b\",\"image\":\"1\"}]}");
    JsonNode patch =
        JSON.readTree(
            "{\"$setElementOrder/containers\":[{\"name\":\"a\"}],"
                + "\"containers\":[{\"name\":\"a\",\"image\":\"2\"},{\"name\":\"b\",\"$patch\":\"delete\"}]}");

    assertThat(patcher.apply(PatchType.STRATEGIC_MERGE, current, patch))
        .isEqualTo(JSON.readTree("{\"containers\":[{\"name\":\"a\",\"image\":\"2\"}]}"));
  }

  @Test
  void jsonPatchAppliesOperations() throws Exception {
    JsonNode current = JSON.readTree("{\"metadata\":{\"finalizers\":[\"x\"]}}");
    JsonNode patch = JSON.readTree("[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");

    assertThat(patcher.apply(PatchType.JSON_PATCH, current, patch))
        .isEqualTo(JSON.readTree("{\"metadata\":{}}"));
  }

  @Test
  void jsonPatchMustBeAnArray() throws Exception {
    assertThatThrownBy(
            () ->
                patcher.apply(
                    PatchType.JSON_PATCH, JSON.readTree("{}"), JSON.readTree("{\"op\":\"add\"}")))
        .hasMessageContaining("must be an array of operations");
  }

  @Test
  void applyPatchesMayBeYaml() {
    assertThat(
            patcher
                .parse(PatchType.APPLY, "spec:\n  target: pricing\n")
                .path("spec")
                .path("target")
                .asText())
        .isEqualTo("pricing");
  }

  @Test
  void unsupportedContentTypeNamesTheSupportedOnes() {
    assertThatThrownBy(() -> PatchType.of("text/plain"))
        .hasMessageContaining("application/merge-patch+json")
        .hasMessageContaining("got Content-Type \"text/plain\"");
  }
}
