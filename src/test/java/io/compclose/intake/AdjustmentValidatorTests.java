package io.compclose.intake;

import io.compclose.core.input.Adjustment;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import io.compclose.core.plan.PayPeriod;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every reject reason of adjustments.csv. */
class AdjustmentValidatorTests {

    private static final List<String> COLUMNS = List.of("adjustment_id", "rep_id", "amount", "currency", "reason",
            "approved_by");

    private final Roster roster = new Roster(List.of(
            new RepAssignment("R1", "E1", "Ann", "ann@example.com", Role.AE, "M1", "West", "AE", "USD",
                    LocalDate.of(2026, 1, 1), null, 2),
            new RepAssignment("R2", "E2", "Bo", "bo@example.com", Role.AE, "M1", "West", "AE", "USD",
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30), 3)));
    private final AdjustmentValidator validator = new AdjustmentValidator(PayPeriod.of(YearMonth.of(2026, 10)), roster,
            AcceptedRows.inMemory(new HashMap<String, Adjustment>()), id -> id.equals("OLD") ? Optional.of("2026-09") : Optional.empty());

    private String validate(long line, String csv) {
        IntakeItem<Adjustment> item = validator.validate(TestRows.row("adjustments.csv", COLUMNS, line, csv));
        return item.isAccepted() ? "accepted" : item.reject().kind() + " " + item.reject().column() + ": "
                + item.reject().reason();
    }

    @Test
    void anAdjustmentNeedsARepOfThePeriodTheirCurrencyAReasonAndAnotherApprover() {
        assertThat(validate(2, "A1,R1,-120.50,USD,overpaid in September,M1")).isEqualTo("accepted");
        assertThat(validate(3, "A1,R1,-120.50,USD,overpaid in September,M1"))
                .isEqualTo("DUPLICATE adjustment_id: identical re-delivery of line 2 (counted once)");
        assertThat(validate(4, "A1,R1,-120.00,USD,overpaid in September,M1"))
                .isEqualTo("REJECTED adjustment_id: duplicate of line 2 with different content");
        assertThat(validate(5, "OLD,R1,10,USD,again,M1"))
                .isEqualTo("REJECTED adjustment_id: already paid in 2026-09 (an adjustment is paid once)");
        assertThat(validate(6, "A2,R1,0,USD,nothing,M1")).isEqualTo("REJECTED amount: must not be zero");
        assertThat(validate(7, "A3,R1,10.005,USD,fraction,M1"))
                .isEqualTo("REJECTED amount: more than 2 decimal places, finer than USD's minor unit");
        assertThat(validate(8, "A4,R9,10,USD,who,M1"))
                .isEqualTo("REJECTED rep_id: unknown rep (no accepted row in reps.csv)");
        assertThat(validate(9, "A5,R2,10,USD,left,M1")).isEqualTo("REJECTED rep_id: rep has no roster assignment in 2026-10");
        assertThat(validate(10, "A6,R1,10,EUR,euros,M1"))
                .isEqualTo("REJECTED currency: differs from the rep's pay currency USD");
        assertThat(validate(11, "A7,R1,10,USD,mine,r1"))
                .isEqualTo("REJECTED approved_by: the rep cannot approve their own adjustment");
        assertThat(validate(12, "A8,R1,10,USD,,M1")).isEqualTo("REJECTED reason: required value is missing");
        // the ids of inquiries' adjustments, which the close merges beside the file's rows
        assertThat(validate(13, "inq-7,R1,10,USD,typed by hand,M1"))
                .isEqualTo("REJECTED adjustment_id: INQ- ids are the adjustments of inquiries, resolved in the console");
    }

    @Test
    void anAmountHasNoMoreDecimalsThanItsCurrency() {
        // 10.5000 is 10.50 written long; 0.001 is a tenth of a cent, which no payroll pays
        assertThat(validate(2, "B1,R1,10.5000,USD,long form,M1")).isEqualTo("accepted");
        assertThat(validate(3, "B2,R1,0.001,USD,a tenth of a cent,M1"))
                .isEqualTo("REJECTED amount: more than 2 decimal places, finer than USD's minor unit");
        assertThat(validate(4, "B3,R1,100.5,JPY,half a yen,M1"))
                .isEqualTo("REJECTED amount: has a fraction, but JPY has no minor unit: amounts are whole numbers");
    }
}
