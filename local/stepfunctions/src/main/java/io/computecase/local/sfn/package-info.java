/** An embeddable local AWS Step Functions: the engine, its AWS JSON 1.0 API and a testing clock. */
package io.computecase.local.sfn;
