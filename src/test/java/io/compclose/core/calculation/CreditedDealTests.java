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
}
