package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.input.BadInputException;
import io.compclose.core.plan.FiscalYear;

/** The pay calendar file: its one field read, and each way it can be wrong named with file and field. */
class PayCalendarFileTests {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("pay-calendar.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theShippedCalendarIsTheCalendarYear() {
        assertThat(PayCalendarFile.read(Path.of("jobs/pay-calendar.yaml"))).isEqualTo(FiscalYear.CALENDAR);
    }

    @Test
    void aMonthNamesTheFirstMonthOfThePlanYearInAnyCase() throws Exception {
        assertThat(PayCalendarFile.read(write("fiscal_year_start: february\n")))
                .isEqualTo(new FiscalYear(Month.FEBRUARY));
        assertThat(PayCalendarFile.read(write("fiscal_year_start: JULY\n"))).isEqualTo(new FiscalYear(Month.JULY));
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
}
