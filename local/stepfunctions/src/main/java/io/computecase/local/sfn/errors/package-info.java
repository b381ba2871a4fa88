/**
 * The requests the engine refuses, each as the AWS error it answers with; the api package maps them
 * to AWS's JSON error shape in one place.
 */
package io.computecase.local.sfn.errors;
