/**
 * Checkpoints: what a task's snapshot holds and how it is stored, the coordinator that triggers
 * checkpoints and completes them, and how a restore hands each new subtask its state.
 */
package weir.runtime.checkpoint;
