/**
 * The optimized service integrations, one class each (events:putEvents, sqs:sendMessage,
 * states:startExecution), each declaring the patterns it supports.
 */
package io.computecase.local.sfn.integration.services;
