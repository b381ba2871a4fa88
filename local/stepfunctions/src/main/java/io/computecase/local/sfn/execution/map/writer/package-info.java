/**
 * A Distributed Map's ResultWriter: each child's result shaped as WriterConfig says (NONE, COMPACT,
 * FLATTEN; JSON or JSON Lines), and, when exporting, the results written to S3 by status beside a
 * manifest.
 */
package io.computecase.local.sfn.execution.map.writer;
