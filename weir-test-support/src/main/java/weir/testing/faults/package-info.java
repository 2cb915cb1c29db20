/**
 * Fault injection for users' own jobs: fail a job's subtasks on purpose, collect what an
 * exactly-once sink committed, and check that it equals what a run without failures commits.
 * See {@link weir.testing.faults.ExactlyOnceCheck}.
 */
package weir.testing.faults;
