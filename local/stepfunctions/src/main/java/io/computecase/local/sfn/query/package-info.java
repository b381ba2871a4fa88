/**
 * The query languages of the local Step Functions engine: JSONPath paths, ResultPath and payload
 * templates, the States.* intrinsic functions, JSONata with {@code $states} and variables, and
 * Choice rules. Values are Jackson trees treated as immutable: results share unchanged subtrees
 * with their inputs, so callers must not modify nodes they pass in or get back.
 */
package io.computecase.local.sfn.query;
