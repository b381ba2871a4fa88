/** The engine's door to the query languages served by the query package. */
package io.computecase.local.sfn.eval;
