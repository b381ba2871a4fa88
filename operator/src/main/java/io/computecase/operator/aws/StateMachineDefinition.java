package io.computecase.operator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.S3ItemsObject.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The ComputeCase state machine definition, as reviewed in asl/ and copied in by the build, and its
 * variants for items in JSON or CSV objects, which differ from it only in the ItemReader's
 * ReaderConfig (a literal in ASL: one state machine cannot choose its input type per execution).
 */
public final class StateMachineDefinition {
  static final String RESOURCE = "/io/computecase/operator/asl/computecase.asl.json";
  static final String MAP_STATE = "ComputeItems";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String json;

  private StateMachineDefinition(String json) {
    this.json = json;
  }

  /** The definition on the classpath; missing means a broken build, not a runtime condition. */
  public static StateMachineDefinition load() {
    try (InputStream in = StateMachineDefinition.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE
                + " is not on the classpath; build the operator with Maven, which copies"
                + " asl/computecase.asl.json there");
      }
      return new StateMachineDefinition(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The definition reading items of this format: asl/ itself for JSON Lines, otherwise a copy whose
   * ComputeItems ReaderConfig says JSON, or CSV with the header in the first row.
   */
  public StateMachineDefinition reading(Format format) {
    if (format == Format.JSONL) {
      return this;
    }
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(json);
      JsonNode reader = root.at("/States/" + MAP_STATE + "/ItemReader");
      if (!reader.isObject()) {
        throw new IllegalStateException(
            "asl/computecase.asl.json has no ItemReader in " + MAP_STATE + "; the build is broken");
      }
      ObjectNode config = ((ObjectNode) reader).putObject("ReaderConfig");
      config.put("InputType", format.name());
      if (format == Format.CSV) {
        config.put("CSVHeaderLocation", "FIRST_ROW");
      }
      return new StateMachineDefinition(
          MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name of the state machine reading this format: the base name, or base-json, base-csv. */
  public static String name(String baseName, Format format) {
    return format == Format.JSONL ? baseName : baseName + "-" + format.name().toLowerCase();
  }

  public String json() {
    return json;
  }

  /** Same JSON as another definition, whatever its whitespace or member order. */
  public boolean sameAs(String otherJson) {
    try {
      JsonNode mine = MAPPER.readTree(json);
      return otherJson != null && mine.equals(MAPPER.readTree(otherJson));
    } catch (IOException e) {
      return false;
    }
  }
}
