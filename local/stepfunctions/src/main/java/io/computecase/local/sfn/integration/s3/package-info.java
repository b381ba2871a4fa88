/**
 * The engine's only way to S3: {@link io.computecase.local.sfn.integration.s3.ObjectStore}, which a
 * Distributed Map's ItemReader reads its items through and its ResultWriter exports its results
 * through, and its AWS SDK implementation.
 */
package io.computecase.local.sfn.integration.s3;
