package io.computecase.local.sfn.execution.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One TestState request in the engine's terms: the definition, its input and variables, how much to
 * tell, and optionally a mock, a context object and the number of retries already made.
 *
 * @param definitionText one state object, or a whole state machine when stateName is set
 * @param stateName the state of a whole machine to test, or null when the definition is one state
 * @param roleArn the role the request names, or null
 * @param mock what stands in for the state's invocation, or null to invoke it
 * @param context the context object to evaluate against, or null for one made up for the test
 * @param retriesSoFar how many retries of the matching Retry rule have happened already
 */
public record StateTest(
    String definitionText,
    String stateName,
    JsonNode input,
    Map<String, JsonNode> variables,
    InspectionLevel level,
    String roleArn,
    StateMock mock,
    ObjectNode context,
    int retriesSoFar) {

  public StateTest {
    variables = Map.copyOf(variables);
  }
}
