package io.compclose.web;

/** What a console user does: runs and reviews the close, takes its payroll files, or reads their own pay. */
public enum ConsoleRole {
    FINANCE("/periods"),
    PAYROLL("/payroll"),
    REP("/me");

    private final String home;

    ConsoleRole(String home) {
        this.home = home;
    }

    /** The page a user of this role lands on after signing in. */
    public String home() {
        return home;
    }
}
