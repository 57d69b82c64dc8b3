package io.compclose.intake;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.RepFigure;
import io.compclose.core.input.Roster;
import io.compclose.core.plan.FiscalYear;

/**
 * Validates pool_points.csv rows: the pay period or its year, a rep on the roster in the pay period
 * and in the team named, points not negative. A re-delivered identical row is harmless; the same
 * period, team and rep with other points is rejected. Kept as a figure of the rep, the team as its
 * detail.
 */
record PoolPointsValidator(YearMonth period, Roster roster, Map<String, RepFigure> acceptedById, FiscalYear fiscal) {

    /** A validator for a calendar plan year. */
    PoolPointsValidator(YearMonth period, Roster roster, Map<String, RepFigure> acceptedById) {
        this(period, roster, acceptedById, FiscalYear.CALENDAR);
    }

    static final String METRIC = "POOL_POINTS";

    IntakeItem<RepFigure> validate(CsvRow row) {
        return IntakeItem.checked(row, () -> {
            String pointsPeriod = pointsPeriod(row.text("period"));
            String team = row.text("team");
            String repId = member(row.text("rep_id"), team);
            BigDecimal points = row.decimal("points", 6);
            if (points.signum() < 0) {
                throw new RowRejectedException("points", "must not be negative", points.toPlainString());
            }
            RepFigure candidate = new RepFigure(CsvFileSpec.POOL_POINTS.fileName(),
                    pointsPeriod + "|" + team + "|" + repId, repId, pointsPeriod, METRIC, points, team, row.line());
            RepFigure earlier = acceptedById.get(candidate.sourceId());
            if (earlier != null) {
                return IntakeItem.redelivery(row, "rep_id", repId, earlier.line(), earlier.sameContentAs(candidate));
            }
            acceptedById.put(candidate.sourceId(), candidate);
            return IntakeItem.accept(candidate);
        });
    }

    /** The pay period (YYYY-MM) or its plan year (YYYY, FYyyyy): points for another month could never be used. */
    private String pointsPeriod(String text) {
        if (!text.equals(period.toString()) && !text.equals(fiscal.name(period))) {
            throw new RowRejectedException("period", "not the pay period " + period + " nor its year "
                    + fiscal.name(period), text);
        }
        return text;
    }

    private String member(String repId, String team) {
        if (!roster.knows(repId)) {
            throw new RowRejectedException("rep_id", "unknown rep (no accepted row in reps.csv)", repId);
        }
        RepAssignment assignment = roster.forPeriod(repId, period).orElseThrow(() -> new RowRejectedException(
                "rep_id", "not on the roster in " + period, repId));
        if (!team.equals(assignment.team())) {
            throw new RowRejectedException("team", "rep " + repId + " is in team "
                    + (assignment.team() == null ? "(none)" : assignment.team()) + " in " + period + ", not " + team,
                    team);
        }
        return repId;
    }
}
