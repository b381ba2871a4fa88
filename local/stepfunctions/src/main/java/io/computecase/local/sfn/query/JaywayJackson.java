package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.computecase.local.protocol.AwsJson;
import java.util.EnumSet;

/** Binds jayway JSONPath to Jackson trees, so selections never leave the JsonNode world. */
final class JaywayJackson {
  static final Configuration CONFIGURATION =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(AwsJson.MAPPER))
          .mappingProvider(new JacksonMappingProvider(AwsJson.MAPPER))
          .options(EnumSet.noneOf(Option.class))
          .build();

  private JaywayJackson() {}

  /** The provider unwraps scalars into Java values; wrap them back. */
  static JsonNode toNode(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    return AwsJson.MAPPER.valueToTree(value);
  }
}
