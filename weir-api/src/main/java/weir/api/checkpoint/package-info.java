/** Checkpoint and restart settings of a job, and what a job reports about its checkpoints. */
package weir.api.checkpoint;
