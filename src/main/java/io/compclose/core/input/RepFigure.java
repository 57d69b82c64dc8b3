package io.compclose.core.input;

import java.math.BigDecimal;

/**
 * A figure measured for one rep outside bookings: a KPI result or MBO score from kpis.csv, an
 * activity count from activities.csv, or the points pool_points.csv gives a member of a team.
 *
 * @param sourceFile the file it came from
 * @param sourceId   its key in that file: the activity id, rep|period|metric for a KPI, period|team|rep for points
 * @param period     {@code YYYY-MM} or {@code YYYY-Qn} (points: {@code YYYY-MM} or {@code YYYY}): the period measured
 * @param metric     {@code KPI:<name>}, {@code MBO:<objective>}, {@code ACTIVITY_COUNT} or {@code POOL_POINTS}
 * @param detail     the activity type, the team of points, or null
 */
public record RepFigure(String sourceFile, String sourceId, String repId, String period, String metric,
        BigDecimal value, String detail, long line) {

    /** Same figure re-delivered: everything but the line it came on is equal. */
    public boolean sameContentAs(RepFigure other) {
        return sourceId.equals(other.sourceId) && repId.equals(other.repId) && period.equals(other.period)
                && metric.equals(other.metric) && value.compareTo(other.value) == 0
                && java.util.Objects.equals(detail, other.detail);
    }
}
