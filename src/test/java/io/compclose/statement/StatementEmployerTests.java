package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import io.compclose.core.plan.PayPeriod;

class StatementEmployerTests {

    private static final PayPeriod OCTOBER = PayPeriod.of(YearMonth.of(2026, 10));

    @Test
    void payDayThirtyOneIsNovembersLastDayAndTheConsoleLinkNamesPeriodAndRep() {
        StatementProperties.Employer employer = new StatementProperties.Employer("Initech", null, 31, null,
                "pay@initech.example", "https://comp.initech.example//");

        assertThat(employer.payDate(OCTOBER)).isEqualTo("2026-11-30");
        assertThat(employer.contact(OCTOBER, "R006")).isEqualTo("Questions about your pay: pay@initech.example\n"
                + "Question about this statement? https://comp.initech.example/statements/2026-10/R006");
    }

    @Test
    void theDefaultPrintsNoPayDateAndNoContact() {
        assertThat(StatementProperties.Employer.DEFAULT.payDate(OCTOBER)).isNull();
        assertThat(StatementProperties.Employer.DEFAULT.contact(OCTOBER, "R006")).isNull();
    }
}
