/**
 * Buses, rules, targets and tags kept in a data directory: written after every change, replayed
 * through the API at start so that restored resources pass the same validation as new ones.
 */
package io.computecase.local.events.persistence;
