/**
 * Benchmarks of the local engines, kept out of the engines' own jars: the Step Functions engine
 * measured alone (Map throughput, the heap of waiting tasks), run by the command line's {@code
 * bench-engine}.
 */
package io.computecase.local.bench;
