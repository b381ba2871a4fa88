/**
 * The Step Functions API: one handler per X-Amz-Target operation, domain errors mapped to AWS's in
 * one place.
 */
package io.computecase.local.sfn.api;
