package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.compclose.core.money.FxConversion;
import io.compclose.core.money.Money;
import io.compclose.core.plan.Metric;

/** A deal credited in another currency takes its ACV and TCV as crediting converted and stored them. */
class CreditedDealTests {

    @Test
    void aConvertedDealKeepsTheStoredAcvAndTcvAndIsNotConvertedAgain() {
        // crediting stored EUR 1,234.57 and 3,703.71 at 1.0913 as USD 1,347.29 and 4,041.86; A1's third is 449.05
        CreditedDeal stored = new CreditedDeal("B1", LocalDate.of(2026, 10, 5), "X1", "NEW", "PLATFORM", null,
                new BigDecimal("1347.29"), new BigDecimal("4041.86"), 36, new BigDecimal("0.3333"), false);

        CreditedDeal deal = stored.creditedAs(new FxConversion.Converted(Money.of("411.4822", "EUR"),
                Money.of("449.05", "USD"), new BigDecimal("1.0913")));

        assertThat(deal.acv()).isEqualByComparingTo("1347.29");
        assertThat(deal.tcv()).isEqualByComparingTo("4041.86");
        assertThat(deal.credited(Metric.Kind.BOOKINGS_ACV)).isEqualByComparingTo("449.05");
        assertThat(deal.credited(Metric.Kind.BOOKINGS_TCV)).isEqualByComparingTo("1347.151938");
        assertThat(deal.note()).isEqualTo("credit EUR 411.4822 × 1.0913 = USD 449.05");
    }

    @Test
    void aTermOfAnyLengthIsCreditedItsMonthsOfTheYearWithoutFailing() {
        // no TCV, 13 months: 1,000.00 x 13 / 12 = 1,083.333... (16 digits); the first year of a 5-month
        // term is 1,000.00 x 5 / 12 = 416.666...; a year's term stays exact: 1,000.00 x 12 / 12 = 1,000.00
        CreditedDeal thirteen = new CreditedDeal("B1", LocalDate.of(2026, 10, 5), "X1", "NEW", "PLATFORM", null,
                new BigDecimal("1000.00"), null, 13, BigDecimal.ONE, false);
        CreditedDeal five = new CreditedDeal("B2", LocalDate.of(2026, 10, 5), "X1", "NEW", "PLATFORM", null,
                new BigDecimal("1000.00"), null, 5, BigDecimal.ONE, false);

        assertThat(thirteen.credited(Metric.Kind.BOOKINGS_TCV)).isEqualTo("1083.333333333333");
        assertThat(five.credited(Metric.Kind.BOOKINGS_FIRST_YEAR)).isEqualTo("416.6666666666667");
        assertThat(five.credited(Metric.Kind.BOOKINGS_TCV)).isEqualTo("416.6666666666667");
        assertThat(thirteen.credited(Metric.Kind.BOOKINGS_FIRST_YEAR)).isEqualTo("1000.00");
    }
}
