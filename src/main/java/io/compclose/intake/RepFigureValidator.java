package io.compclose.intake;

import io.compclose.core.input.RepFigure;
import io.compclose.core.input.Roster;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PayPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Validates kpis.csv and activities.csv rows: a known rep, a period of the plan year that has
 * started by the end of the pay period, a number, an MBO score between 0 and 1, an activity dated
 * in the pay period. A re-delivered identical row is harmless; a conflicting one is rejected.
 */
public record RepFigureValidator(YearMonth period, Roster roster, Map<String, RepFigure> acceptedById,
        FiscalYear fiscal) {

    /** A validator for a calendar plan year. */
    public RepFigureValidator(YearMonth period, Roster roster, Map<String, RepFigure> acceptedById) {
        this(period, roster, acceptedById, FiscalYear.CALENDAR);
    }

    public IntakeItem<RepFigure> validateKpi(CsvRow row) {
        return validate(row, () -> {
            String repId = knownRep(row.text("rep_id"));
            String figurePeriod = figurePeriod(row.text("period"));
            String name = row.text("metric");
            String metric = name.toUpperCase(Locale.ROOT).startsWith("MBO:") ? "MBO:" + name.substring(4).trim()
                    : "KPI:" + name;
            BigDecimal value = row.decimal("value", 6);
            if (metric.startsWith("MBO:") && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
                throw new RowRejectedException("value", "an MBO score must be between 0 and 1", value.toPlainString());
            }
            return new RepFigure(CsvFileSpec.KPIS.fileName(), repId + "|" + figurePeriod + "|" + metric, repId,
                    figurePeriod, metric, value, null, row.line());
        }, "metric");
    }

    public IntakeItem<RepFigure> validateActivity(CsvRow row) {
        return validateActivity(row, PayPeriod.of(period));
    }

    /**
     * An activity of the pay period's days: a semi-monthly period takes those of its half of the month, so an
     * activity is counted in one period only; its count goes into its month.
     */
    public IntakeItem<RepFigure> validateActivity(CsvRow row, PayPeriod payPeriod) {
        return validate(row, () -> {
            String id = row.text("activity_id");
            String repId = knownRep(row.text("rep_id"));
            LocalDate day = row.date("activity_date");
            if (!payPeriod.contains(day)) {
                throw new RowRejectedException("activity_date", "outside the pay period " + payPeriod, day.toString());
            }
            Integer count = row.optionalPositiveInt("count");
            return new RepFigure(CsvFileSpec.ACTIVITIES.fileName(), id, repId, YearMonth.from(day).toString(),
                    "ACTIVITY_COUNT", BigDecimal.valueOf(count == null ? 1 : count), row.text("type"), row.line());
        }, "activity_id");
    }

    private IntakeItem<RepFigure> validate(CsvRow row, Supplier<RepFigure> parse, String keyColumn) {
        return IntakeItem.checked(row, () -> {
            RepFigure candidate = parse.get();
            RepFigure earlier = acceptedById.get(candidate.sourceId());
            if (earlier != null) {
                return IntakeItem.redelivery(row, keyColumn, row.values().getOrDefault(keyColumn, ""), earlier.line(),
                        earlier.sameContentAs(candidate));
            }
            acceptedById.put(candidate.sourceId(), candidate);
            return IntakeItem.accept(candidate);
        });
    }

    private String knownRep(String repId) {
        if (!roster.knows(repId)) {
            throw new RowRejectedException("rep_id", "unknown rep (no accepted row in reps.csv)", repId);
        }
        return repId;
    }

    /** YYYY-MM or a quarter of the plan year (YYYY-Qn, or FYyyyy-Qn for a fiscal year), begun by the pay period's end. */
    private String figurePeriod(String text) {
        YearMonth first = fiscal.quarterOf(text).orElseGet(() -> {
            try {
                return YearMonth.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new RowRejectedException("period", "not a period YYYY-MM or " + (fiscal.isCalendar()
                        ? "YYYY-Qn" : "FYyyyy-Qn (the plan year's quarter, e.g. " + fiscal.quarterKey(period) + ")"),
                        text);
            }
        });
        if (!fiscal.sameYear(first, period) || first.isAfter(period)) {
            throw new RowRejectedException("period", "not a period of " + fiscal.name(period) + " begun by " + period,
                    text);
        }
        return text;
    }
}
