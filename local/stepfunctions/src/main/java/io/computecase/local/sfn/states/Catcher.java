package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One Catch rule: which errors, where the error output goes, and the state to go to. */
public record Catcher(
    List<String> errorEquals, String resultPath, JsonNode output, JsonNode assign, String next) {

  public boolean matches(String error) {
    return ErrorMatching.matches(errorEquals, error);
  }
}
