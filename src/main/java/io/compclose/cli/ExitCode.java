package io.compclose.cli;

/** The exit codes of outputs.md; scripts and schedulers depend on them. */
public final class ExitCode {

    /** The close completed (or had already completed). */
    public static final int OK = 0;
    /** The close failed; running the same command restarts it where it stopped. */
    public static final int FAILED = 1;
    /** Bad usage, or input that stops the run (a missing required file or column, an invalid plan). */
    public static final int BAD_INPUT = 2;
    /** Stopped for review: reconciliation found something finance must approve. */
    public static final int REVIEW = 3;
    /** Another close of the period is running (it holds the period's lease): nothing was started. */
    public static final int BUSY = 4;
    /**
     * CompClose could not start: a setting is wrong, or what it needs at start-up (the database, a free port) is
     * not there, or a defect. Nothing was run; fix the cause (the log file has the details), then run again.
     */
    public static final int NOT_STARTED = 5;

    private ExitCode() {
    }
}
