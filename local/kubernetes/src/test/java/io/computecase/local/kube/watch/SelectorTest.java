package io.computecase.local.kube.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SelectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode object(String labels) throws Exception {
    return JSON.readTree(
        "{\"metadata\":{\"name\":\"demo\",\"namespace\":\"ns\",\"labels\":" + labels + "}}");
  }

  @Test
  void labelEqualityInequalityAndExistence() throws Exception {
    JsonNode object = object("{\"app\":\"workers\",\"tier\":\"compute\"}");

    assertThat(Selector.labels("app=workers,tier").test(object)).isTrue();
    assertThat(Selector.labels("app==workers,tier!=web").test(object)).isTrue();
    assertThat(Selector.labels("app=web").test(object)).isFalse();
    assertThat(Selector.labels("!tier").test(object)).isFalse();
  }

  @Test
  void labelSets() throws Exception {
    JsonNode object = object("{\"app\":\"workers\"}");

    assertThat(Selector.labels("app in (web, workers)").test(object)).isTrue();
    assertThat(Selector.labels("app notin (web,workers)").test(object)).isFalse();
  }

  @Test
  void fieldSelectorsReadDottedPaths() throws Exception {
    JsonNode object = object("{}");

    assertThat(Selector.fields("metadata.name=demo,metadata.namespace=ns").test(object)).isTrue();
    assertThat(Selector.fields("metadata.name!=demo").test(object)).isFalse();
  }

  @Test
  void emptySelectorMatchesEverything() throws Exception {
    assertThat(Selector.labels(null).test(object("{}"))).isTrue();
    assertThat(Selector.labels("").test(object("{}"))).isTrue();
  }
}
