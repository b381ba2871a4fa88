/** An execution's history: events with dense ids, and their details rendered in AWS's shape. */
package io.computecase.local.sfn.execution.history;
