package io.compclose.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.compclose.core.calculation.CreditedDeal;
import io.compclose.core.crediting.BookingFacts;
import io.compclose.core.input.DealAttributes;

/**
 * A booking's optional attributes as conditions read them: by name, null when the booking does not carry
 * them, a misspelt name, an attribute ordered without a null test or against an impossible figure refused
 * when the plan is read.
 */
class DealAttributeConditionsTests {

    private static CreditedDeal deal(DealAttributes attributes) {
        return new CreditedDeal("D1", LocalDate.of(2026, 10, 5), "A1", "NEW", "PLATFORM", null,
                new BigDecimal("10000"), null, 12, BigDecimal.ONE, false, null, new BigDecimal("10000"), attributes);
    }

    private final CreditedDeal lowMargin = deal(new DealAttributes(new BigDecimal("15"), new BigDecimal("35"), 90));
    private final CreditedDeal goodMargin = deal(new DealAttributes(new BigDecimal("25.5"), new BigDecimal("10"), 30));
    private final CreditedDeal noFigures = deal(DealAttributes.NONE);

    @Test
    void aDealsAttributesAreReadByNameAndAreNullWhenNotGiven() {
        String earns = "grossMarginPct != null and grossMarginPct >= 20";
        assertThat(Conditions.problem(earns)).isEmpty();
        assertThat(Conditions.holds(earns, goodMargin)).isTrue();
        assertThat(Conditions.holds(earns, lowMargin)).isFalse();
        assertThat(Conditions.holds(earns, noFigures)).as("nothing without a margin").isFalse();

        String earnsUnlessLow = "grossMarginPct == null or grossMarginPct >= 20";
        assertThat(Conditions.holds(earnsUnlessLow, noFigures)).as("as before without a margin").isTrue();
        assertThat(Conditions.holds(earnsUnlessLow, lowMargin)).isFalse();

        assertThat(Conditions.holds("discountPct != null and discountPct > 30", lowMargin)).isTrue();
        assertThat(Conditions.holds("paymentTermsDays != null and paymentTermsDays > 60", lowMargin)).isTrue();
        assertThat(Conditions.holds("(paymentTermsDays ?: 0) > 60", noFigures)).isFalse();
    }

    @Test
    void aCreditingRuleReadsThemOnTheBookingToo() {
        BookingFacts booking = new BookingFacts("K1", LocalDate.of(2026, 10, 5), "A1", "NEW", "PLATFORM",
                new BigDecimal("12000"), "USD", "R001", null, null, 12, new BigDecimal("18"), null, null);

        assertThat(Conditions.holds("grossMarginPct != null and grossMarginPct < 20", booking)).isTrue();
        assertThat(Conditions.holds("discountPct == null", booking)).isTrue();
    }

    @Test
    void aMisspeltNameIsRefusedWithTheNameMeant() {
        assertThat(Conditions.problem("grossMarginPtc != null and grossMarginPtc >= 20")).hasValue(
                "unknown property 'grossMarginPtc': did you mean grossMarginPct? (jobs/plans.md, Conditions, lists "
                        + "what a condition reads)");
        assertThat(Conditions.problem("margin >= 20")).hasValue(
                "unknown property 'margin' (jobs/plans.md, Conditions, lists what a condition reads)");
        // a path's later steps are the first step's properties, not the deal's
        assertThat(Conditions.problem("bookedOn.monthValue == 10")).isEmpty();
    }

    @Test
    void anAttributeOrderedWithoutANullTestIsRefusedSayingHowToWriteIt() {
        // null orders below every number in SpEL: "grossMarginPct < 20" would hold for a booking without a margin
        assertThat(Conditions.problem("grossMarginPct >= 20")).hasValue(
                "compares grossMarginPct, which a booking may not carry: say what a booking without it does, e.g. "
                        + "\"grossMarginPct != null and grossMarginPct >= 20\" (nothing without it) or "
                        + "\"grossMarginPct == null or grossMarginPct >= 20\"");
        assertThat(Conditions.problem("type == 'NEW' and discountPct between {10, 30}")).hasValueSatisfying(
                p -> assertThat(p).startsWith("compares discountPct, which a booking may not carry"));
        assertThat(Conditions.problem("(discountPct ?: 0) > 30")).isEmpty();
        assertThat(Conditions.problem("discountPct == 0")).as("equality needs no null test").isEmpty();
    }

    @Test
    void aFigureOutsideTheAttributesRangeIsRefused() {
        assertThat(Conditions.problem("grossMarginPct != null and grossMarginPct >= 150")).hasValue(
                "compares grossMarginPct with 150, which it cannot be: it is from -100 to 100 (a percent: 20 % is "
                        + "written 20)");
        assertThat(Conditions.problem("grossMarginPct != null and grossMarginPct > -120")).hasValueSatisfying(
                p -> assertThat(p).startsWith("compares grossMarginPct with -120"));
        assertThat(Conditions.problem("discountPct != null and discountPct between {10, 130}")).hasValueSatisfying(
                p -> assertThat(p).startsWith("compares discountPct with 130"));
        assertThat(Conditions.problem("paymentTermsDays == 400")).hasValue(
                "compares paymentTermsDays with 400, which it cannot be: it is from 0 to 365 days");
        assertThat(Conditions.problem("grossMarginPct != null and grossMarginPct >= -10")).isEmpty();
    }
}
