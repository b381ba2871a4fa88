/** The engine measured on its own: Map throughput and the heap of waiting tasks. */
package io.computecase.local.sfn.bench;
