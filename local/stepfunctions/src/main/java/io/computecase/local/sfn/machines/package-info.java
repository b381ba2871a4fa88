/**
 * State machines: created from a definition parsed and validated once, revised, tagged and deleted;
 * each revision is what new executions run.
 */
package io.computecase.local.sfn.machines;
