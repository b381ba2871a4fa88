/**
 * What a Task calls: its Resource split into service, action and integration pattern, and the
 * {@link io.computecase.local.sfn.integration.ServiceIntegration} contract each service implements
 * (the services themselves are in the services package).
 */
package io.computecase.local.sfn.integration;
