package io.computecase.local.sfn.integration.s3;

import java.time.Instant;

/** One object of a listing, as ListObjectsV2 tells it. */
public record ObjectSummary(
    String key, long size, String eTag, Instant lastModified, String storageClass) {}
