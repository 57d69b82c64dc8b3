package io.compclose.statement;

/**
 * Where a statement reads what the close pays the rep, the figure its total must equal: the payroll files once
 * exported, or the payouts summarised before the review gate, for a draft of what would go out.
 */
public enum PayoutSource {

    /** The period's payroll files up to the close's revision (a revision's file carries differences). */
    PAYROLL_FILES("payroll file", """
            SELECT rep_id, currency, amount FROM payout_export WHERE pay_period = :period AND revision <= :revision"""),

    /** The period's payouts, before any payroll file: what the close would export. */
    PAYOUTS("payouts", "SELECT rep_id, currency, amount FROM payout WHERE pay_period = :period");

    private final String label;
    private final String rows;

    PayoutSource(String label, String rows) {
        this.label = label;
        this.rows = rows;
    }

    /** What the statement total ties to, in a control break's words. */
    public String label() {
        return label;
    }

    /** A query of rep_id, currency, amount rows, of the period's {@code :period} up to its {@code :revision}. */
    String rows() {
        return rows;
    }
}
