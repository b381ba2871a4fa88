package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.query.QueryLanguage;

/**
 * The fields every state shares: identity, query language, input/output processing and the
 * transition. A path of {@code null} is a path set to JSON null (discard); absent paths are "$".
 */
public record StateFields(
    String name,
    String type,
    QueryLanguage language,
    String inputPath,
    String outputPath,
    String resultPath,
    JsonNode parameters,
    JsonNode resultSelector,
    JsonNode arguments,
    JsonNode output,
    JsonNode assign,
    String next,
    boolean end) {

  public boolean jsonata() {
    return language == QueryLanguage.JSONATA;
  }
}
