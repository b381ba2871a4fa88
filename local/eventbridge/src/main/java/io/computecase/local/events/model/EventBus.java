package io.computecase.local.events.model;

import java.time.Instant;

/** An event bus: the named channel events are put on and rules listen to. */
public record EventBus(
    String name, String arn, String description, Instant creationTime, Instant lastModifiedTime) {}
