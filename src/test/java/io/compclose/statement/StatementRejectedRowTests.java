package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementRejectedRowTests {

    @Test
    void aRejectedRowSaysWhichRowAndWhyAndThatItIsNotPaid() {
        assertThat(new StatementRejectedRow("B-2001", "bookings.csv", 9, "acv", "not a decimal number", "12,500.00")
                .describe()).isEqualTo("B-2001 bookings.csv line 9: acv '12,500.00' rejected, not a decimal number: "
                        + "not paid this period");
        // a blank value is not quoted; a row whose booking id could not be read starts at the file
        assertThat(new StatementRejectedRow(null, "splits.csv", 4, "booking_id", "required value is missing", "")
                .describe()).isEqualTo("splits.csv line 4: booking_id rejected, required value is missing: "
                        + "not paid this period");
        // a long value is cut at 40 characters: the rejects file holds it whole
        assertThat(new StatementRejectedRow("B-1", "bookings.csv", 5, "account_name", "longer than the 200 "
                + "characters this column holds (201)", "x".repeat(201)).describe())
                .isEqualTo("B-1 bookings.csv line 5: account_name '" + "x".repeat(39) + "…' rejected, longer than "
                        + "the 200 characters this column holds (201): not paid this period");
    }
}
