package io.computecase.local.events.delivery;

/** Carries deliveries to one kind of target; never blocks the caller. */
interface TargetChannel {
  void offer(Delivery delivery);
}
