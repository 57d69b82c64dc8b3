package io.compclose.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.compclose.core.plan.PayPeriod;
import io.compclose.statement.StatementAttainment;
import io.compclose.system.Amounts;

/**
 * One component's attainment at each month's close of the plan year, drawn as an inline SVG: a bar per month, its
 * percentage written above it, and a dashed line at quota (100 %). The numbers are text and the page repeats them in
 * a table, so the chart reads without colour or pictures. Coordinates are computed here; the template only draws.
 *
 * @param quotaY where the quota line is drawn
 */
public record AttainmentChart(String component, String title, int width, int height, int quotaY, List<Bar> bars) {

    static final int PLOT_TOP = 24;
    static final int PLOT_HEIGHT = 150;
    static final int LEFT = 84;
    static final int BAR = 40;
    static final int GAP = 20;

    /**
     * @param y      top of the bar; {@code labelY} where its value is written
     * @param credit credit to date against {@code quota}, as the statement's attainment table shows them
     */
    public record Bar(String month, String period, String percent, String credit, String quota, int x, int y,
            int barHeight, int labelY) {
    }

    /** A chart per component, in the order the months list them; a month without a quota draws no bar and says so. */
    static List<AttainmentChart> of(Map<String, List<StatementAttainment>> byMonth) {
        List<String> components = new ArrayList<>();
        byMonth.values().forEach(rows -> rows.stream().map(AttainmentChart::name)
                .filter(c -> !components.contains(c)).forEach(components::add));
        return components.stream().map(c -> chart(c, byMonth)).toList();
    }

    private static AttainmentChart chart(String component, Map<String, List<StatementAttainment>> byMonth) {
        record Month(String period, StatementAttainment row) {
        }
        List<Month> months = new ArrayList<>();
        // a component measured over several windows (the year, the month) is charted against the one with a quota
        byMonth.forEach((period, rows) -> rows.stream().filter(a -> name(a).equals(component))
                .sorted(java.util.Comparator.comparing(a -> a.quota() == null)).findFirst()
                .ifPresent(a -> months.add(new Month(period, a))));
        // the scale reaches past quota, and past the best month, so both the line and every bar show
        double top = Math.max(1.25, months.stream().mapToDouble(m -> fraction(m.row())).max().orElse(0) * 1.1);
        int quotaY = y(1.0, top);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            StatementAttainment a = months.get(i).row();
            int y = y(fraction(a), top);
            bars.add(new Bar(label(months.get(i).period()), months.get(i).period(), percent(a), a.money() ? Amounts.format(a.credit())
                    : plain(a.credit()), a.quota() == null ? "no quota" : a.money() ? Amounts.format(a.quota())
                    : plain(a.quota()), LEFT + GAP + i * (BAR + GAP), y, PLOT_TOP + PLOT_HEIGHT - y, y - 5));
        }
        int width = LEFT + GAP + Math.max(1, months.size()) * (BAR + GAP) + 10;
        boolean monthly = months.stream().allMatch(m -> m.period().length() == 7);
        return new AttainmentChart(component, "Attainment of " + component + " against quota, by "
                + (monthly ? "month" : "pay period"), width,
                PLOT_TOP + PLOT_HEIGHT + 30, quotaY, bars);
    }

    /** The component as a rep reads it: "bookings", or "meetings: DISCOVERY_MEETING". */
    static String name(StatementAttainment a) {
        return a.component() + (a.metric() == null || a.metric().isBlank() ? "" : ": " + a.metric());
    }

    private static int y(double fraction, double top) {
        return PLOT_TOP + (int) Math.round(PLOT_HEIGHT * (1 - Math.min(fraction, top) / top));
    }

    private static double fraction(StatementAttainment a) {
        // a picture of the percentage written beside it: a double is precise enough
        return a.attainment() == null ? 0 : Math.max(0, a.attainment().doubleValue());
    }

    /** 0.5873 is "58.7 %". */
    static String percent(StatementAttainment a) {
        return a.attainment() == null ? "no quota"
                : a.attainment().movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** The chart in words, for its title: "Attainment of bookings against quota, by month: Oct 58.7 %". */
    public String summary() {
        return title + ": " + String.join(", ", bars.stream().map(b -> b.month() + " " + b.percent()).toList());
    }

    public int axisBottom() {
        return PLOT_TOP + PLOT_HEIGHT;
    }

    public int barWidth() {
        return BAR;
    }

    public int left() {
        return LEFT;
    }

    /** "Oct" under a month's bar, "15 Oct" under a semi-monthly or bi-weekly period's (named by its last day). */
    static String label(String period) {
        String month = PayPeriod.monthOf(period).getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
        return period.length() == 7 ? month : Integer.parseInt(period.substring(8)) + " " + month;
    }
}
