package io.compclose.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.plan.Plan;
import io.compclose.plan.PlanComponent;

class FlatRateCalculatorTests {

    private final FlatRateCalculator calculator = new FlatRateCalculator();

    private static Plan plan(String rate) {
        return Plan.flat("AE-2026", 2, "AE", LocalDate.of(2026, 1, 1), null, "USD",
                PlanComponent.flat("bookings", new BigDecimal(rate)), "ae.yaml");
    }

    private static CreditedAmount credit(String amount, String currency) {
        return new CreditedAmount("R001", "B-1", LocalDate.of(2026, 10, 5), BigDecimal.ONE, new BigDecimal(amount),
                currency);
    }

    @Test
    void paysTheRateOnCreditedAcv() {
        // 12,000.00 x 8 % = 960.00
        EarningLine line = calculator.commission(credit("12000.00", "USD"), plan("0.08"));
        assertThat(line.amount().amount()).isEqualByComparingTo("960.00");
        assertThat(line.amount().currencyCode()).isEqualTo("USD");
        assertThat(line.code()).isEqualTo(EarningCode.COMMISSION);
        assertThat(line.planId()).isEqualTo("AE-2026");
        assertThat(line.planVersion()).isEqualTo(2);
        assertThat(line.rate()).isEqualByComparingTo("0.08");
        assertThat(line.credited().amount()).isEqualByComparingTo("12000.00");
        assertThat(line.explanation()).isEqualTo(
                "Commission = credited ACV × 8 % plan rate, rounded half-even to the cent per booking.");
    }

    @Test
    void roundsEachLineHalfEvenToTheCent() {
        // 44,701.99 x 8 % = 3,576.1592 -> 3,576.16
        assertThat(calculator.commission(credit("44701.99", "USD"), plan("0.08")).amount().amount())
                .isEqualByComparingTo("3576.16");
        // 9,689.50 x 7.5 % = 726.7125 -> 726.71
        assertThat(calculator.commission(credit("9689.50", "EUR"), plan("0.075")).amount().amount())
                .isEqualByComparingTo("726.71");
        // 10,000.50 x 0.25 % = 25.00125 -> 25.00 ; 1,050.00 x 0.5 % = 5.25 exactly
        assertThat(calculator.commission(credit("10000.50", "USD"), plan("0.0025")).amount().amount())
                .isEqualByComparingTo("25.00");
        assertThat(calculator.commission(credit("1050.00", "USD"), plan("0.005")).amount().amount())
                .isEqualByComparingTo("5.25");
        // a tie goes to the even cent: 1,062.50 x 1 % = 10.625 -> 10.62
        assertThat(calculator.commission(credit("1062.50", "USD"), plan("0.01")).amount().amount())
                .isEqualByComparingTo("10.62");
    }

    @Test
    void keepsTheBookingCurrency() {
        // 75,363.99 EUR x 5 % = 3,768.1995 -> 3,768.20 EUR
        EarningLine line = calculator.commission(credit("75363.99", "EUR"), plan("0.05"));
        assertThat(line.amount().amount()).isEqualByComparingTo("3768.20");
        assertThat(line.amount().currencyCode()).isEqualTo("EUR");
    }
}
