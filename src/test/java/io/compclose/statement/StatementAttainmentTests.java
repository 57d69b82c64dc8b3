package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatementAttainmentTests {

    @Test
    void aComponentPricedByTwoPlanVersionsIsOneRowAgainstTheLatestQuota() {
        // credit 291,749.99 + 605,919.25 = 897,669.24 of the latest quota 1,000,000: 89.766924 %;
        // earned 23,340.00 + 30,295.96 = 53,635.96
        List<StatementAttainment> rows = StatementAttainment.acrossVersions(List.of(
                row("bookings", "291749.99", "800000", "23340.00"),
                row("bookings", "605919.25", "1000000", "30295.96"),
                row("meetings", "12", null, "0.00")));

        assertThat(rows).containsExactly(
                new StatementAttainment("bookings", "ACV", true, "2026", new BigDecimal("897669.24"),
                        new BigDecimal("1000000"), new BigDecimal("0.89766924"), new BigDecimal("53635.96")),
                row("meetings", "12", null, "0.00"));
    }

    @Test
    void withoutAQuotaOnAnyVersionTheRowHasNoAttainment() {
        List<StatementAttainment> rows = StatementAttainment.acrossVersions(List.of(
                row("bookings", "100.00", null, "8.00"), row("bookings", "200.00", null, "10.00")));

        assertThat(rows).containsExactly(new StatementAttainment("bookings", "ACV", true, "2026",
                new BigDecimal("300.00"), null, null, new BigDecimal("18.00")));
    }

    private static StatementAttainment row(String component, String credit, String quota, String earned) {
        BigDecimal q = quota == null ? null : new BigDecimal(quota);
        BigDecimal c = new BigDecimal(credit);
        return new StatementAttainment(component, "ACV", true, "2026", c, q,
                q == null ? null : c.divide(q, 8, java.math.RoundingMode.HALF_EVEN), new BigDecimal(earned));
    }
}
