package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;

/** One States.* intrinsic: checks its arguments as AWS does and computes its value. */
@FunctionalInterface
interface IntrinsicFunction {
  JsonNode apply(IntrinsicArguments arguments);
}
