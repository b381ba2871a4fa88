package io.computecase.operator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The ComputeCase state machine definition, as reviewed in asl/ and copied in by the build. */
public final class StateMachineDefinition {
  static final String RESOURCE = "/io/computecase/operator/asl/computecase.asl.json";
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
