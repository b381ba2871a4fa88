package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.query.ChoiceRule;

/** One rule of a Choice state: its condition, its Next, and (JSONata) its Output and Assign. */
public record ChoiceBranch(ChoiceRule condition, String next, JsonNode output, JsonNode assign) {}
