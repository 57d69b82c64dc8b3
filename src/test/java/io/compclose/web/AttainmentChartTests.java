package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.compclose.statement.StatementAttainment;

class AttainmentChartTests {

    @Test
    void eachMonthIsABarAgainstTheQuotaLineWithItsPercentageWrittenOut() {
        // given: October measured over the year without a quota; November over the month, 122,000 on 100,000
        Map<String, List<StatementAttainment>> byMonth = new LinkedHashMap<>();
        byMonth.put("2026-10", List.of(row("2026", "683238.22", null, null)));
        byMonth.put("2026-11", List.of(row("2026", "683238.22", null, null),
                row("2026-11", "122000", "100000", "1.22")));

        // when
        List<AttainmentChart> charts = AttainmentChart.of(byMonth);

        // then: one chart; the scale tops at 122 % × 1.1 = 134.2 %, so quota (100 %) is at
        // 24 + 150 × (1 − 100 / 134.2) = 62.2 → 62, and November's bar reaches 24 + 150 × (1 − 122 / 134.2) = 37.6 → 38
        assertThat(charts).hasSize(1);
        AttainmentChart chart = charts.get(0);
        assertThat(chart.summary()).isEqualTo("Attainment of bookings: ACV against quota, by month: "
                + "Oct no quota, Nov 122.0 %");
        assertThat(chart.quotaY()).isEqualTo(62);
        AttainmentChart.Bar october = chart.bars().get(0);
        AttainmentChart.Bar november = chart.bars().get(1);
        assertThat(october.barHeight()).isZero();
        assertThat(october.quota()).isEqualTo("no quota");
        assertThat(november.y()).isEqualTo(38);
        assertThat(november.barHeight()).isEqualTo(174 - 38);
        assertThat(november.credit()).isEqualTo("122,000.00");
        assertThat(november.quota()).isEqualTo("100,000.00");
        assertThat(november.x() - october.x()).isEqualTo(AttainmentChart.BAR + AttainmentChart.GAP);
    }

    @Test
    void belowQuotaTheScaleStillShowsTheQuotaLine() {
        // 40 % of quota: the scale tops at 125 %, quota at 24 + 150 × (1 − 100 / 125) = 54, the bar at 24 + 150 × 0.68 = 126
        AttainmentChart chart = AttainmentChart.of(Map.of("2026-11", List.of(row("2026-11", "40000", "100000", "0.4"))))
                .get(0);
        assertThat(chart.quotaY()).isEqualTo(54);
        assertThat(chart.bars().get(0).y()).isEqualTo(126);
        assertThat(chart.bars().get(0).percent()).isEqualTo("40.0 %");
    }

    private static StatementAttainment row(String window, String credit, String quota, String attainment) {
        return new StatementAttainment("bookings", "ACV", true, window, new BigDecimal(credit),
                quota == null ? null : new BigDecimal(quota), attainment == null ? null : new BigDecimal(attainment),
                BigDecimal.ZERO);
    }
}
