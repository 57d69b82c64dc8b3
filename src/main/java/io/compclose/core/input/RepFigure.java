package io.compclose.core.input;

import java.math.BigDecimal;

/**
 * A figure measured for one rep outside bookings: a KPI result or MBO score from kpis.csv, or an
 * activity count from activities.csv.
 *
 * @param sourceFile the file it came from
 * @param sourceId   its key in that file: the activity id, or rep|period|metric for a KPI
 * @param period     {@code YYYY-MM} or {@code YYYY-Qn}: the period the figure measures
 * @param metric     {@code KPI:<name>}, {@code MBO:<objective>} or {@code ACTIVITY_COUNT}
 * @param detail     the activity type, or null
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
