package io.compclose.schedule;

/** What a catalog entry runs: one of the commands, exactly as the command line runs it. */
public enum ScheduledCommand {

    /** The monthly close: starts, restarts after a failure, continues after approval, or does nothing. */
    CLOSE("close", true),
    /** The month-to-date usage.csv, read as the close will read it, into a preview. */
    USAGE_INTAKE("usage-intake", true),
    /** Every statement of the period not delivered yet, once more. */
    RESEND("resend", false);

    private final String word;
    private final boolean readsInbox;

    ScheduledCommand(String word, boolean readsInbox) {
        this.word = word;
        this.readsInbox = readsInbox;
    }

    /** The command as typed on the command line and in the catalog. */
    public String word() {
        return word;
    }

    public boolean readsInbox() {
        return readsInbox;
    }
}
