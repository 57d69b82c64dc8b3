package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class InputContractTests {

    @Test
    void theCommittedPageIsTheOneTheFileDescriptionsGive() throws Exception {
        // given the page as committed
        String committed = Files.readString(InputContract.PAGE, StandardCharsets.UTF_8);

        // when it is generated again, then nothing differs
        assertThat(committed)
                .as("jobs/inputs.md is out of date with io.compclose.intake.CsvFileSpec: run "
                        + "'mvn -B -q -o package -DskipTests && java -jar target/compclose.jar inputs > jobs/inputs.md'")
                .isEqualTo(InputContract.markdown());
    }

    @Test
    void eachColumnIsListedWithTypeMeaningExampleAndChecks() {
        String page = InputContract.markdown();

        assertThat(page).contains("### bookings.csv (required)\nClosed-won CRM opportunities.")
                .contains("| `acv` | yes | amount: a decimal with no more decimals than the currency's minor unit "
                        + "(2 for USD, 0 for JPY) | annual contract value | `120000.00` | not negative |")
                .contains("| `type` | yes | one of NEW, UPSELL, CROSS_SELL, RENEWAL | kind of booking | `NEW` |  |")
                .contains("| `email` | yes | email address | where the statement goes | `ana.silva@example.com` "
                        + "| at most 320 characters |")
                .contains("| `manager_id` |  | text |")
                .contains("### splits.csv (optional)")
                .contains("Across rows: the percents of a booking total 100");
        // every file of the inbox has its section, in the order the close reads them
        assertThat(page.indexOf("### reps.csv")).isPositive().isLessThan(page.indexOf("### fx_rates.csv"));
        assertThat(page.indexOf("### adjustments.csv")).isGreaterThan(page.indexOf("### usage.csv"));
    }

    /** The examples are values the close accepts: each read as its type, the example row read whole. */
    @ParameterizedTest
    @EnumSource(InputFile.class)
    void theExampleRowOfEachFileReadsWithoutProblem(InputFile file, @TempDir Path inbox) throws Exception {
        CsvFileSpec spec = file.spec();
        String page = InputContract.markdown();
        int section = page.indexOf("### " + spec.fileName());
        int start = page.indexOf("```csv\n", section) + "```csv\n".length();
        Files.writeString(inbox.resolve(spec.fileName()), page.substring(start, page.indexOf("```", start)));

        CsvRowReader reader = new CsvRowReader(inbox, spec);
        reader.open(new ExecutionContext());
        CsvRow row = reader.read();
        assertThat(reader.read()).isNull();
        reader.close();

        assertThat(row.problem()).isNull();
        for (CsvColumn column : spec.columns()) {
            column.type().read(row, column);
            assertThat(row.values().get(column.name())).isEqualTo(column.example());
        }
    }

    @Test
    void aValueOfAnotherFormIsRejectedByItsType() {
        CsvColumn bookedOn = CsvFileSpec.BOOKINGS.columns().get(1);
        CsvColumn acv = CsvFileSpec.BOOKINGS.columns().get(7);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("booked_on", "14/10/2026");
        values.put("acv", "1.234,56");
        values.put("currency", "EUR");
        CsvRow row = new CsvRow("bookings.csv", 2, values, "", null);

        assertThatThrownBy(() -> bookedOn.type().read(row, bookedOn)).hasMessageContaining("not a date YYYY-MM-DD");
        assertThatThrownBy(() -> acv.type().read(row, acv))
                .hasMessageContaining("not a decimal number (use '.' and no thousands separator)");
    }
}
