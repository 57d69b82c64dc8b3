package io.compclose.reconciliation;

import java.util.List;

/**
 * The close summary's sections in the order a controller reads them: the first page at a glance, the
 * payroll register, then the detail. Each names its figures: their CSV column and their heading.
 */
public enum SummarySection {

    AT_A_GLANCE("At a glance", Layout.LINE, false, fig("count", ""), fig("amount", ""), fig("prior", ""),
            fig("change", "")),
    REGISTER("Payroll register: rep and plan", Layout.TABLE, true, fig("earned", "Earned (period)"),
            fig("paid", "Paid"), fig("held_back", "Held back"), fig("to_recover", "To recover"),
            fig("prior", "Paid prior period"), fig("change", "Change")),
    CHANGES("What changed in this revision: payout by rep", Layout.TABLE, false, fig("before", "Before"),
            fig("after", "After"), fig("difference", "Difference")),
    PAYOUT_BY_CODE("Payout by earning code", Layout.TABLE, false, fig("count", "Reps"), fig("amount", "Amount")),
    EARNED("Earned this period by plan and component", Layout.TABLE, false, fig("count", "Lines"),
            fig("amount", "Amount")),
    ADJUSTMENTS("Adjustments (period), gross and net", Layout.TABLE, false, fig("count", "Lines"),
            fig("amount", "Amount")),
    TIES("Control ties, in the order the money flows", Layout.TABLE, false, fig("left", "Figure"),
            fig("right", "Should equal"), fig("difference", "Difference")),
    CONTROL_TOTALS("Control totals", Layout.TABLE, false, fig("count", "Rows"), fig("amount", "Amount")),
    REJECTS("Rejected input rows by reason", Layout.NOTE, false, fig("count", "Rows")),
    NOT_CREDITED("Bookings not credited (not paid)", Layout.NOTE, false, fig("amount", "Amount")),
    CORRECTIONS("Corrections for locked periods", Layout.NOTE, false, fig("amount", "Amount")),
    INQUIRIES("Inquiries: on this period's statements, or paid in it", Layout.NOTE, false, fig("amount", "Adjustment")),
    UNDELIVERED("Statements not delivered", Layout.NOTE, false),
    FOR_REVIEW("For review", Layout.NOTE, false, fig("amount", "Amount")),
    APPROVAL("Approval", Layout.NOTE, false, fig("count", "Exceptions"));

    /** LINE: one sentence across the page; TABLE: up to six figures; NOTE: up to two figures and a note. */
    public enum Layout { LINE, TABLE, NOTE }

    /** The CSV's figure columns: each section's figures are in some of them. */
    public static final List<String> FIGURE_COLUMNS = List.of("count", "amount", "prior", "change", "earned", "paid",
            "held_back", "to_recover", "before", "after", "left", "right", "difference");

    /** A figure of a section: its CSV column and its heading in the PDF. */
    public record Figure(String column, String heading) {
    }

    private final String title;
    private final Layout layout;
    private final boolean startsPage;
    private final List<Figure> figures;

    SummarySection(String title, Layout layout, boolean startsPage, Figure... figures) {
        this.title = title;
        this.layout = layout;
        this.startsPage = startsPage;
        this.figures = List.of(figures);
    }

    private static Figure fig(String column, String heading) {
        return new Figure(column, heading);
    }

    public String title() {
        return title;
    }

    public Layout layout() {
        return layout;
    }

    public boolean startsPage() {
        return startsPage;
    }

    public List<Figure> figures() {
        return figures;
    }
}
