package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.input.BadInputException;
import io.compclose.system.PayCalendar;

/**
 * A quota written for a quarter or year in the other naming than the pay calendar's would match no window
 * and price nothing: the close refuses the plan by file, plan and field instead.
 */
class PlanYearNamingTests {

    private static final String QUARTERLY = """
            plan: AE-Q
            version: 1
            effective_from: 2026-02-01
            currency: USD
            measurement: QUARTER
            components:
              - {id: bookings, metric: BOOKINGS_ACV, rate: 0.1, quota_by_period: {%s: 30000, 2026-05: 10000}}
            """;

    @TempDir
    Path work;

    private Path plans(String key) throws Exception {
        Path dir = Files.createDirectories(work.resolve(key).resolve("plans"));
        Files.writeString(dir.resolve("ae.yaml"), QUARTERLY.formatted(key));
        return dir;
    }

    private PlanFiles withCalendar(String firstMonth) throws Exception {
        Path calendar = work.resolve(firstMonth + ".yaml");
        Files.writeString(calendar, "fiscal_year_start: " + firstMonth + "\n");
        return new PlanFiles(new PayCalendar(calendar.toString()));
    }

    @Test
    void aFiscalQuarterIsTakenUnderAFiscalCalendarAndACalendarQuarterIsRefused() throws Exception {
        assertThat(withCalendar("FEBRUARY").catalog(plans("FY2027-Q1")).plans()).hasSize(1);

        Path calendarQuarter = plans("2026-Q1");
        assertThatThrownBy(() -> withCalendar("FEBRUARY").catalog(calendarQuarter))
                .isInstanceOf(BadInputException.class)
                .hasMessage("plans/: " + calendarQuarter.resolve("ae.yaml").getFileName()
                        + ": plan AE-Q v1: components[0].quota_by_period.2026-Q1: the plan year starts in FEBRUARY "
                        + "(the pay calendar): write its quarters as FY2027-Q1 and its year as FY2027");
    }

    @Test
    void withoutAPayCalendarAFiscalQuarterIsRefused() throws Exception {
        Path fiscalQuarter = plans("FY2027-Q1");
        assertThatThrownBy(() -> new PlanFiles(new PayCalendar("")).catalog(fiscalQuarter))
                .isInstanceOf(BadInputException.class)
                .hasMessage("plans/: ae.yaml: plan AE-Q v1: components[0].quota_by_period.FY2027-Q1: the plan year "
                        + "is the calendar year (no pay calendar names a fiscal year): write YYYY or YYYY-Qn");
        assertThat(new PlanFiles(new PayCalendar("")).catalog(plans("2026-Q1")).plans()).hasSize(1);
        assertThat(withCalendar("JANUARY").catalog(plans("2026-Q2")).plans()).hasSize(1);
    }
}
