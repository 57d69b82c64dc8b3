package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.input.BadInputException;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PaySchedule;
import io.compclose.core.plan.PaySchedule.Frequency;

/** The pay calendar file: each field read, and each way it can be wrong named with file and field. */
class PayCalendarFileTests {

    private static final String FREQUENCIES = "write its name, one of MONTHLY, SEMI_MONTHLY, BI_WEEKLY";

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("pay-calendar.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private PaySchedule schedule(String yaml) throws Exception {
        return PayCalendarFile.read(write("fiscal_year_start: JANUARY\n" + yaml)).schedule();
    }

    /** That the file is refused for exactly these problems, each "field: reason", in field order. */
    private void assertRefused(String yaml, String... problems) throws Exception {
        Path file = write(yaml);
        assertThatThrownBy(() -> PayCalendarFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage(refused(file, problems));
    }

    private String refused(Path file, String... problems) {
        StringBuilder message = new StringBuilder("pay calendar " + file + " (compclose.pay-calendar): "
                + problems.length + " problem(s): ");
        for (int i = 0; i < problems.length; i++) {
            message.append(i == 0 ? "" : "; ").append(file).append(": ").append(problems[i]);
        }
        return message.toString();
    }

    @Test
    void theShippedCalendarIsMonthlyOverTheCalendarYear() {
        assertThat(PayCalendarFile.read(Path.of("jobs/pay-calendar.yaml")))
                .isEqualTo(new PayCalendarFile.Read(FiscalYear.CALENDAR, PaySchedule.MONTHLY));
    }

    @Test
    void aMonthNamesTheFirstMonthOfThePlanYearInAnyCase() throws Exception {
        assertThat(PayCalendarFile.read(write("fiscal_year_start: february\n")).fiscalYear())
                .isEqualTo(new FiscalYear(Month.FEBRUARY));
        assertThat(PayCalendarFile.read(write("fiscal_year_start: JULY\n")).fiscalYear())
                .isEqualTo(new FiscalYear(Month.JULY));
    }

    @Test
    void withoutAConfiguredFileThePlanYearIsTheCalendarYear() {
        assertThat(new PayCalendar("").fiscalYear()).isEqualTo(FiscalYear.CALENDAR);
    }

    @Test
    void aMissingMonthIsRefusedNamingTheFileAndTheField() throws Exception {
        Path file = write("# nothing yet\nfiscal_year_start:\n");
        assertThatThrownBy(() -> PayCalendarFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage("pay calendar " + file + " (compclose.pay-calendar): 1 problem(s): " + file
                        + ": fiscal_year_start: is required: the month the plan year starts in, e.g. FEBRUARY");
    }

    @Test
    void aMonthNumberOrAMisspeltMonthIsRefusedNamingTheField() throws Exception {
        // 2 could mean February (the second month) or March (Month's index 2): neither is guessed
        Path number = write("fiscal_year_start: 2\n");
        assertThatThrownBy(() -> PayCalendarFile.read(number)).isInstanceOf(BadInputException.class)
                .hasMessage("pay calendar " + number + " (compclose.pay-calendar): 1 problem(s): " + number
                        + ": fiscal_year_start: '2' is not a month: write its name in English, one of JANUARY, "
                        + "FEBRUARY, MARCH, APRIL, MAY, JUNE, JULY, AUGUST, SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER");
        Path misspelt = write("fiscal_year_start: Febuary\n");
        assertThatThrownBy(() -> PayCalendarFile.read(misspelt)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(misspelt + ": fiscal_year_start: ")
                .hasMessageContaining("FEBRUARY");
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() throws Exception {
        Path file = write("fiscal_year_start: APRIL\nfiscal_year_starts: MAY\n");
        assertThatThrownBy(() -> PayCalendarFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file + ": fiscal_year_starts: ");
    }

    @Test
    void aMissingFileOrAFolderIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new PayCalendar(missing.toString()).fiscalYear())
                .isInstanceOf(BadInputException.class)
                .hasMessage("pay calendar " + missing + " (compclose.pay-calendar): no such file");
        assertThatThrownBy(() -> PayCalendarFile.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessage("pay calendar " + dir + " (compclose.pay-calendar): is a folder; name the file");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = write("");
        assertThatThrownBy(() -> PayCalendarFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage("pay calendar " + file
                        + " (compclose.pay-calendar): must be a mapping with fiscal_year_start (e.g. FEBRUARY)");
    }

    @Test
    void withoutAFrequencyPayrollIsMonthly() throws Exception {
        assertThat(schedule("")).isEqualTo(PaySchedule.MONTHLY);
    }

    @Test
    void aFrequencyWrittenButEmptyIsRefusedRatherThanTakenAsTheDefault() throws Exception {
        assertRefused("fiscal_year_start: JANUARY\nfrequency:\n",
                "frequency: is empty: " + FREQUENCIES + ", or leave it out for MONTHLY");
    }

    @Test
    void withoutAConfiguredFilePayrollIsMonthly() {
        assertThat(new PayCalendar("").schedule()).isEqualTo(PaySchedule.MONTHLY);
    }

    @Test
    void eachFrequencyIsReadInAnyCaseAndWithHyphens() throws Exception {
        assertThat(schedule("frequency: MONTHLY\n")).isEqualTo(PaySchedule.MONTHLY);
        assertThat(schedule("frequency: monthly\n")).isEqualTo(PaySchedule.MONTHLY);
        PaySchedule semiMonthly = new PaySchedule(Frequency.SEMI_MONTHLY, null);
        assertThat(schedule("frequency: SEMI_MONTHLY\n")).isEqualTo(semiMonthly);
        assertThat(schedule("frequency: semi-monthly\n")).isEqualTo(semiMonthly);
        assertThat(schedule("frequency: Semi_Monthly\n")).isEqualTo(semiMonthly);
        PaySchedule biWeekly = new PaySchedule(Frequency.BI_WEEKLY, LocalDate.of(2026, 1, 2));
        assertThat(schedule("frequency: BI_WEEKLY\nanchor: 2026-01-02\n")).isEqualTo(biWeekly);
        assertThat(schedule("frequency: bi-weekly\nanchor: '2026-01-02'\n")).isEqualTo(biWeekly);
    }

    @Test
    void theCalendarReadsTheFileOnceForTheYearAndTheSchedule() throws Exception {
        Path file = write("fiscal_year_start: july\nfrequency: bi-weekly\nanchor: 2026-01-02\n");
        PayCalendar calendar = new PayCalendar(file.toString());
        assertThat(calendar.fiscalYear()).isEqualTo(new FiscalYear(Month.JULY));
        Files.delete(file); // read once: the schedule comes from the same read
        assertThat(calendar.schedule()).isEqualTo(new PaySchedule(Frequency.BI_WEEKLY, LocalDate.of(2026, 1, 2)));
    }

    @Test
    void anUnknownFrequencyIsRefusedListingTheThree() throws Exception {
        assertRefused("fiscal_year_start: JANUARY\nfrequency: weekly\n",
                "frequency: 'weekly' is not a payroll frequency: " + FREQUENCIES);
    }

    @Test
    void aFrequencyAsANumberOrAnotherFormIsRefused() throws Exception {
        // 2 could be the second frequency or two runs a month: neither is guessed
        assertRefused("fiscal_year_start: JANUARY\nfrequency: 2\n",
                "frequency: '2' is not a payroll frequency: " + FREQUENCIES);
        assertRefused("fiscal_year_start: JANUARY\nfrequency: semi monthly\n",
                "frequency: 'semi monthly' is not a payroll frequency: " + FREQUENCIES);
        assertRefused("fiscal_year_start: JANUARY\nfrequency: [MONTHLY]\n", "frequency: must be a single value");
    }

    @Test
    void aBiWeeklyScheduleWithoutAnAnchorIsRefused() throws Exception {
        assertRefused("fiscal_year_start: JANUARY\nfrequency: BI_WEEKLY\n",
                "anchor: is required with frequency BI_WEEKLY: the first day of any one bi-weekly run, "
                        + "e.g. 2026-01-02");
    }

    @Test
    void anAnchorForAnotherFrequencyIsRefusedAsConflicting() throws Exception {
        assertRefused("fiscal_year_start: JANUARY\nfrequency: semi-monthly\nanchor: 2026-01-02\n",
                "anchor: only applies to frequency BI_WEEKLY, and the frequency is SEMI_MONTHLY: "
                        + "remove anchor or set frequency: BI_WEEKLY");
        assertRefused("fiscal_year_start: JANUARY\nanchor: 2026-01-02\n",
                "anchor: only applies to frequency BI_WEEKLY, and the frequency is MONTHLY (the default): "
                        + "remove anchor or set frequency: BI_WEEKLY");
    }

    @Test
    void anAnchorThatIsNoIsoDateIsRefused() throws Exception {
        assertRefused("fiscal_year_start: JANUARY\nfrequency: BI_WEEKLY\nanchor: 2026/01/02\n",
                "anchor: must be a date YYYY-MM-DD, was '2026/01/02'");
        assertRefused("fiscal_year_start: JANUARY\nfrequency: BI_WEEKLY\nanchor: 2026-02-30\n",
                "anchor: must be a date YYYY-MM-DD, was '2026-02-30'");
        assertRefused("fiscal_year_start: JANUARY\nfrequency: BI_WEEKLY\nanchor: 20260102\n",
                "anchor: must be a date YYYY-MM-DD, was '20260102'");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        assertRefused("fiscal_year_start: Febuary\nfrequency: fortnightly\nanchor: 02.01.2026\n",
                "anchor: must be a date YYYY-MM-DD, was '02.01.2026'",
                "fiscal_year_start: 'Febuary' is not a month: write its name in English, one of JANUARY, FEBRUARY, "
                        + "MARCH, APRIL, MAY, JUNE, JULY, AUGUST, SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER",
                "frequency: 'fortnightly' is not a payroll frequency: " + FREQUENCIES);
    }
}
