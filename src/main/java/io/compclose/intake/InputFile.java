package io.compclose.intake;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CSV files of the inbox, each once: the step that loads it, its contract, and the table its
 * accepted rows are kept in. Later stages count, revise and fingerprint the files through this.
 */
public enum InputFile {

    REPS("loadReps", CsvFileSpec.REPS, "rep_assignment"),
    FX_RATES("loadFxRates", CsvFileSpec.FX_RATES, "fx_rate"),
    BOOKINGS("loadBookings", CsvFileSpec.BOOKINGS, "booking"),
    SPLITS("loadSplits", CsvFileSpec.SPLITS, "booking_split"),
    CANCELLATIONS("loadCancellations", CsvFileSpec.CANCELLATIONS, "cancellation"),
    KPIS("loadKpis", CsvFileSpec.KPIS, "rep_figure"),
    ACTIVITIES("loadActivities", CsvFileSpec.ACTIVITIES, "rep_figure"),
    ACCOUNT_OWNERS("loadAccountOwners", CsvFileSpec.ACCOUNT_OWNERS, "account_owner"),
    USAGE("loadUsage", CsvFileSpec.USAGE, "billed_usage"),
    ADJUSTMENTS("loadAdjustments", CsvFileSpec.ADJUSTMENTS, "adjustment");

    /** The table the KPI and activity files share, their rows told apart by source_file. */
    static final String FIGURES = "rep_figure";

    private final String step;
    private final CsvFileSpec spec;
    private final String table;

    InputFile(String step, CsvFileSpec spec, String table) {
        this.step = step;
        this.spec = spec;
        this.table = table;
    }

    public String step() {
        return step;
    }

    public CsvFileSpec spec() {
        return spec;
    }

    public String fileName() {
        return spec.fileName();
    }

    /** Where the accepted rows are kept; a constant of this class, never input. */
    public String table() {
        return table;
    }

    /** Whether the table holds this file's rows only, so that the period's rows of the table are the file's. */
    public boolean ownsTable() {
        return !table.equals(FIGURES);
    }

    /** The file the step loads, if it is a load step. */
    public static Optional<InputFile> readBy(String step) {
        return Arrays.stream(values()).filter(f -> f.step.equals(step)).findFirst();
    }
}
