package io.compclose.schedule;

/** What a catalog entry runs: one of the commands, exactly as the command line runs it. */
public enum ScheduledCommand {

    /** The monthly close: starts, restarts after a failure, continues after approval, or does nothing. */
    CLOSE("close"),
    /** The month-to-date usage.csv, read as the close will read it, into a preview. */
    USAGE_INTAKE("usage-intake"),
    /** Every statement of the period not delivered yet, once more. */
    RESEND("resend");

    private final String word;

    ScheduledCommand(String word) {
        this.word = word;
    }

    /** The command as typed on the command line and in the catalog. */
    public String word() {
        return word;
    }

    /** Whether a run reads an inbox: a resend sends the statements the close made. */
    public boolean readsInbox() {
        return this != RESEND;
    }
}
