package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.compclose.core.input.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * bookings.csv as spreadsheets save it, byte for byte (src/test/resources/intake/spreadsheet-exports):
 * each refused with one message that says what the file is and how to save it.
 */
class SpreadsheetExportTests {

    private static final Path EXPORTS = Path.of("src/test/resources/intake/spreadsheet-exports");

    /** The file's fault, as the close reports it: Spring Batch wraps what the reader's open throws. */
    private static Throwable failure(String inbox) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(inbox));
        while (thrown != null && !(thrown instanceof BadInputException)) {
            thrown = thrown.getCause();
        }
        return thrown;
    }

    private static List<CsvRow> read(String inbox) throws Exception {
        CsvRowReader reader = new CsvRowReader(EXPORTS.resolve(inbox), CsvFileSpec.BOOKINGS);
        List<CsvRow> rows = new ArrayList<>();
        try {
            reader.open(new ExecutionContext());
            for (CsvRow row; (row = reader.read()) != null; ) {
                rows.add(row);
            }
        } finally {
            reader.close();
        }
        return rows;
    }

    @Test
    void aEuropeanExcelExportIsNamedWithEachSignOfIt() throws Exception {
        // given ';' between columns, 1.234,56 on line 2 and "Société" as 0xE9 on line 3, CRLF
        assertThat(Files.readAllBytes(EXPORTS.resolve("european-excel/bookings.csv"))).contains(0xE9);

        assertThat(failure("european-excel")).isInstanceOf(BadInputException.class)
                .hasMessage("bookings.csv looks like a European Excel export: columns separated by ';', decimal "
                        + "commas (1.234,56; line 2), Windows-1252 text (byte 0xE9, 'é' on line 3). Save it as "
                        + "'CSV UTF-8 (comma delimited)' and deliver it again");
    }

    @Test
    void aUtf8FileSeparatedBySemicolonsIsNamedSo() {
        // rather than "missing required columns booked_on, account_id, ..." for a header read as one cell
        assertThat(failure("semicolons")).isInstanceOf(BadInputException.class)
                .hasMessage("bookings.csv has its columns separated by ';', not commas. Save it as "
                        + "'CSV UTF-8 (comma delimited)' and deliver it again");
    }

    @Test
    void aCommaSeparatedWindows1252FileNamesTheLineAndTheByte() {
        assertThat(failure("windows-1252")).isInstanceOf(BadInputException.class)
                .hasMessage("bookings.csv: line 3 is not valid UTF-8: it looks like Windows-1252 text (byte 0xE9, "
                        + "'é'). Save it as 'CSV UTF-8 (comma delimited)'");
    }

    @Test
    void aCommaInATextCellOfACommaSeparatedFileIsNoSign() {
        SpreadsheetExport.refuseSemicolons("booking_id,account_name;note\nB-1,\"Acme; Co\"\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), CsvFileSpec.BOOKINGS);
        assertThat(SpreadsheetExport.windows1252Byte("Société".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isNull();
    }
}
