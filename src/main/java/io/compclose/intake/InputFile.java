package io.compclose.intake;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CSV files of the inbox, each once: the step that loads it, its contract, and the table its
 * accepted rows are kept in, as {@link IntakeRepository} describes it. Later stages count, revise and
 * fingerprint the files through this.
 */
public enum InputFile {

    REPS("loadReps", CsvFileSpec.REPS, IntakeRepository.ASSIGNMENTS),
    FX_RATES("loadFxRates", CsvFileSpec.FX_RATES, IntakeRepository.FX_RATES),
    BOOKINGS("loadBookings", CsvFileSpec.BOOKINGS, IntakeRepository.BOOKINGS),
    SPLITS("loadSplits", CsvFileSpec.SPLITS, IntakeRepository.SPLITS),
    CANCELLATIONS("loadCancellations", CsvFileSpec.CANCELLATIONS, IntakeRepository.CANCELLATIONS),
    KPIS("loadKpis", CsvFileSpec.KPIS, IntakeRepository.FIGURES),
    ACTIVITIES("loadActivities", CsvFileSpec.ACTIVITIES, IntakeRepository.FIGURES),
    ACCOUNT_OWNERS("loadAccountOwners", CsvFileSpec.ACCOUNT_OWNERS, IntakeRepository.ACCOUNT_OWNERS),
    USAGE("loadUsage", CsvFileSpec.USAGE, IntakeRepository.USAGE),
    ADJUSTMENTS("loadAdjustments", CsvFileSpec.ADJUSTMENTS, IntakeRepository.ADJUSTMENTS),
    POOL_POINTS("loadPoolPoints", CsvFileSpec.POOL_POINTS, IntakeRepository.FIGURES);

    private final String step;
    private final CsvFileSpec spec;
    private final IntakeRepository.TableRows<?> rows;

    InputFile(String step, CsvFileSpec spec, IntakeRepository.TableRows<?> rows) {
        this.step = step;
        this.spec = spec;
        this.rows = rows;
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
        return rows.table();
    }

    /**
     * Whether the table holds this file's rows only, so that the period's rows of the table are the file's
     * (the KPI, activity and pool points files share rep_figure, their rows told apart by source_file).
     */
    public boolean ownsTable() {
        return rows != IntakeRepository.FIGURES;
    }

    /** The file the step loads, if it is a load step. */
    public static Optional<InputFile> readBy(String step) {
        return Arrays.stream(values()).filter(f -> f.step.equals(step)).findFirst();
    }
}
