/** ASL definitions parsed once into an immutable tree and validated with AWS-style diagnostics. */
package io.computecase.local.sfn.definition;
