/** Optimized service integrations (events, sqs, states), one class each, with their patterns. */
package io.computecase.local.sfn.integration;
