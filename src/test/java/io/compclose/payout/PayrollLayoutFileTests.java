package io.compclose.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.input.BadInputException;

/** A layout file that cannot produce a correct payroll file is refused, naming the file and the field. */
class PayrollLayoutFileTests {

    private static final String CODES = "{COMMISSION: C, ACCELERATOR: A, BONUS: B, SPIFF: S, TEAM_POOL: T, MBO: M, "
            + "DRAW: D, DRAW_RECOVERY: R, CLAWBACK: K, ADJUSTMENT: J}";

    @TempDir
    Path dir;

    @Test
    void readsTheShippedAdpLayout() {
        PayrollLayout adp = PayrollLayoutFile.read(Path.of("jobs/payroll-layouts/adp.yaml"));

        assertThat(adp.name()).isEqualTo("adp");
        assertThat(adp.currency()).isEqualTo("USD");
        assertThat(adp.headers()).containsExactly("Co Code", "Batch ID", "File #", "Rep ID", "Pay period end date",
                "Earnings 3 Code", "Earnings 3 Amount");
        assertThat(adp.amountColumn()).isEqualTo(6);
        assertThat(adp.currencyColumn()).isEqualTo(-1);
    }

    @Test
    void anUnknownFieldIsNamedWithTheFileAndTheColumn() throws IOException {
        Path file = write("adp.yaml", """
                currency: USD
                columns:
                  - {header: File, field: employe_id}
                  - {header: Amount, field: amount}
                """);

        assertThatThrownBy(() -> PayrollLayoutFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage("1 problem(s) in payroll layout " + file + ": " + file + ": columns[0].field: unknown field "
                        + "'employe_id' (known: employee_id, rep_id, pay_period, period_start, period_end, "
                        + "earning_code, amount, currency)");
    }

    @Test
    void aLayoutWithoutAnAmountColumnIsRefused() throws IOException {
        Path file = write("adp.yaml", """
                currency: USD
                columns:
                  - {header: File, field: employee_id}
                  - {header: Amount, value: "0"}
                """);

        assertThatThrownBy(() -> PayrollLayoutFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file + ": columns: no column has field: amount");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path file = write("adp.yaml", """
                colums: []
                currency: usd
                columns:
                  - {header: File, field: employee_id, format: yyyy}
                  - {header: "=Total", field: amount}
                  - {header: Total, field: amount}
                  - {header: End, field: period_end, format: "yyyy-MM-dd HH:mm"}
                  - {header: Batch, field: pay_period, format: dd.MM.yyyy}
                  - {header: Rep}
                  - {header: Rep, field: rep_id, value: R}
                  - {header: Code, field: earning_code, codes: {COMMISSION: C, SPIF: S}}
                  - {header: Ccy, field: currency, codes: {USD: "840"}}
                """);

        assertThatThrownBy(() -> PayrollLayoutFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("12 problem(s) in payroll layout " + file + ": ")
                .hasMessageContaining(file + ": colums: unknown field 'colums'; did you mean columns?")
                .hasMessageContaining(file + ": currency: must be an upper-case ISO 4217 currency code, was 'usd'")
                .hasMessageContaining(file + ": columns[0].format: applies to pay_period, period_start and "
                        + "period_end only")
                .hasMessageContaining(file + ": columns[1].header: must not start with = + - or @")
                .hasMessageContaining(file + ": columns[3].format: 'yyyy-MM-dd HH:mm' cannot write a period_end")
                .hasMessageContaining(file + ": columns[4].format: 'dd.MM.yyyy' cannot write a pay_period")
                .hasMessageContaining(file + ": columns[5]: needs either field (a field of the payout rows) or value")
                .hasMessageContaining(file + ": columns[6]: needs either field")
                .hasMessageContaining(file + ": columns[7].codes: unknown earning code SPIF")
                .hasMessageContaining(file + ": columns[7].codes: no code for ACCELERATOR, BONUS, SPIFF, TEAM_POOL, MBO, "
                        + "DRAW, DRAW_RECOVERY, CLAWBACK, ADJUSTMENT")
                .hasMessageContaining(file + ": columns[8].codes: applies to earning_code only")
                .hasMessageContaining(file + ": columns: more than one column has field: amount");
    }

    @Test
    void aLayoutOfOneCurrencyNeedsNoCurrencyColumnAndAnyOtherNeedsOne() throws IOException {
        Path ok = write("uk.yaml", "currency: GBP\ncolumns: [{header: Pay, field: amount}, {header: Code, "
                + "field: earning_code, codes: " + CODES + "}]\n");
        assertThat(PayrollLayoutFile.read(ok).currency()).isEqualTo("GBP");

        Path mixed = write("mixed.yaml", "columns: [{header: Pay, field: amount}]\n");
        assertThatThrownBy(() -> PayrollLayoutFile.read(mixed)).hasMessageContaining(
                "currency: is required when no column has field: currency: the one pay currency this payroll takes");
    }

    @Test
    void theFileNameNamesTheLayoutAndMustFitInAFileName() throws IOException {
        assertThat(PayrollLayoutFile.layoutName(Path.of("x/adp-us_2.yml"))).isEqualTo("adp-us_2");
        Path spaced = write("my layout.yaml", "columns: [{header: Pay, field: amount}, {header: C, field: currency}]\n");
        assertThatThrownBy(() -> PayrollLayoutFile.read(spaced)).hasMessageContaining(
                "the file name must be <name>.yaml");
    }

    @Test
    void yamlThatDoesNotParseSaysWhere() throws IOException {
        Path file = write("adp.yaml", "currency: USD\ncolumns:\n  - {header: File #, field: employee_id}\n");

        assertThatThrownBy(() -> PayrollLayoutFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage("payroll layout " + file + ": not readable as YAML: expected ',' or '}', but got "
                        + "<stream end> at line 4");
    }

    @Test
    void theConfiguredFilesMustExistAndHaveDifferentNames() throws IOException {
        Path one = write("adp.yaml", "currency: USD\ncolumns: [{header: Pay, field: amount}]\n");
        Files.createDirectories(dir.resolve("other"));
        Path two = Files.copy(one, dir.resolve("other/adp.yaml"));

        assertThat(PayrollLayouts.read(List.of(one))).extracting(PayrollLayout::name).containsExactly("adp");
        assertThatThrownBy(() -> PayrollLayouts.read(List.of(one, two))).isInstanceOf(BadInputException.class)
                .hasMessage("payroll layouts " + one + " and " + two + " have the same name adp: their files "
                        + "would overwrite each other");
        assertThatThrownBy(() -> PayrollLayouts.read(List.of(dir.resolve("nope.yaml"))))
                .hasMessage("payroll layout " + dir.resolve("nope.yaml") + " (compclose.payroll.layouts): no such file");
        assertThatThrownBy(() -> PayrollLayouts.read(List.of(dir)))
                .hasMessageEndingWith("is a folder; name each layout file");
    }

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }
}
