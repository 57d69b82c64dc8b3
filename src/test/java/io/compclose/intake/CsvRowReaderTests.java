package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class CsvRowReaderTests {

    private static final String HEADER = "booking_id,booked_on,account_id,owner_rep_id,type,product,acv,currency";

    @TempDir
    Path inbox;

    private List<CsvRow> readAll(String content) throws Exception {
        return readAll(content.getBytes(StandardCharsets.UTF_8), new ExecutionContext());
    }

    private List<CsvRow> readAll(byte[] content, ExecutionContext context) throws Exception {
        Files.write(inbox.resolve("bookings.csv"), content);
        CsvRowReader reader = new CsvRowReader(inbox, CsvFileSpec.BOOKINGS);
        reader.open(context);
        List<CsvRow> rows = new ArrayList<>();
        for (CsvRow row; (row = reader.read()) != null; ) {
            rows.add(row);
        }
        reader.update(context);
        reader.close();
        return rows;
    }

    @Test
    void matchesColumnsByNameInAnyOrderIgnoringCaseAndBom() throws Exception {
        List<CsvRow> rows = readAll("\uFEFFACV,Currency,booking_id,booked_on,account_id,owner_rep_id,type,product,extra\n"
                + "1200.50,USD,B-1,2026-10-01,A-1,R001,NEW,PLATFORM,ignored\n");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.text("acv")).isEqualTo("1200.50");
            assertThat(row.text("currency")).isEqualTo("USD");
            assertThat(row.text("booking_id")).isEqualTo("B-1");
            assertThat(row.line()).isEqualTo(2);
        });
    }

    @Test
    void reportsTheLineWhereEachRecordStarts() throws Exception {
        // line 1 header, line 2 blank, line 3 a record, lines 4-5 one record with a quoted line break, line 6 a record
        List<CsvRow> rows = readAll(HEADER + "\n\nB-1,2026-10-01,A-1,R001,NEW,P,1,USD\n"
                + "B-2,2026-10-01,A-2,R001,NEW,P,\"2\n\",USD\nB-3,2026-10-01,\"A,3\",R001,NEW,P,3,USD\n");
        assertThat(rows).extracting(CsvRow::line).containsExactly(3L, 4L, 6L);
        assertThat(rows.get(2).text("account_id")).isEqualTo("A,3");
    }

    @Test
    void aMissingRequiredColumnStopsBeforeAnyRow() {
        assertThatThrownBy(() -> readAll("booking_id,booked_on,account_id,owner_rep_id,type,product\nB-1,,,,,\n"))
                .rootCause().isInstanceOf(BadInputException.class)
                .hasMessage("bookings.csv: missing required columns acv, currency (the header has: booking_id, "
                        + "booked_on, account_id, owner_rep_id, type, product)");
    }

    @Test
    void aMissingRequiredFileStopsTheClose() {
        CsvRowReader reader = new CsvRowReader(inbox, CsvFileSpec.BOOKINGS);
        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .hasRootCauseInstanceOf(BadInputException.class)
                .rootCause().hasMessageStartingWith("bookings.csv: required file not found in ");
    }

    @Test
    void anEmptyFileIsBadInput() {
        assertThatThrownBy(() -> readAll("")).rootCause().isInstanceOf(BadInputException.class)
                .hasMessage("bookings.csv: the file is empty; a header row is required");
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] broken = (HEADER + "\nB-1,2026-10-01,A-1,R001,NEW,P,1,USD\nB-2,2026-10-01,A-\u00ff").getBytes(
                StandardCharsets.ISO_8859_1);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> readAll(broken, new ExecutionContext()));
        while (thrown != null && !(thrown instanceof BadInputException)) {
            thrown = thrown.getCause();
        }
        // the header and first record are fine; the decoder fails on the third line
        assertThat(thrown).isInstanceOf(BadInputException.class)
                .hasMessage("bookings.csv: line 3 is not valid UTF-8: it looks like Windows-1252 text (byte 0xFF, "
                        + "'ÿ'). Save it as 'CSV UTF-8 (comma delimited)'");
    }

    @Test
    void anUnbalancedQuoteNamesTheLineItOpensOn() {
        // the quote opened on line 3 swallows lines 4 and 5: the parser gives up at the end of the file
        Throwable thrown = badInput(HEADER + "\nB-1,2026-10-01,A-1,R001,NEW,P,1,USD\nB-2,2026-10-01,\"A-2,R001,NEW,P,1,"
                + "USD\nB-3,2026-10-01,A-3,R001,NEW,P,1,USD\nB-4,2026-10-01,A-4,R001,NEW,P,1,USD\n");
        assertThat(thrown).hasMessage("bookings.csv: line 3 opens a quoted cell that is never closed: the rest of the "
                + "file would be one cell (a stray quote, or a cut file?)");
    }

    @Test
    void aStrayQuoteClosedLinesLaterNamesTheLineItOpensOnInPlainWords() {
        // the quote opened on line 4 runs on to the next quote, on line 7, which text follows: Commons CSV
        // gives up on line 7 with its own words ("Invalid character between encapsulated token and delimiter")
        Throwable thrown = badInput(HEADER + "\nB-1,2026-10-01,A-1,R001,NEW,P,1,USD\nB-2,2026-10-01,A-2,R001,NEW,P,2,USD\n"
                + "B-3,2026-10-01,\"A-3,R001,NEW,P,3,USD\nB-4,2026-10-01,A-4,R001,NEW,P,4,USD\n"
                + "B-5,2026-10-01,A-5,R001,NEW,P,5,USD\nB-6,2026-10-01,\"A-6\",R001,NEW,P,6,USD\n");
        assertThat(thrown).hasMessage("bookings.csv: line 4 has a stray quote (\"): it opens a quoted cell that the "
                + "next quote, on line 7, closes with more text after it, before the next comma. Put the whole cell in "
                + "quotes and double each quote inside it (\"Acme \"\"Big\"\" Co\"), or remove the stray quote");
    }

    @Test
    void textAfterAQuotedCellOnItsOwnLineNamesThatLine() {
        Throwable thrown = badInput(HEADER + "\nB-1,2026-10-01,A-1,R001,NEW,P,1,USD\n"
                + "B-2,2026-10-01,\"Acme\" Big Co,R001,NEW,P,2,USD\nB-3,2026-10-01,A-3,R001,NEW,P,3,USD\n");
        assertThat(thrown).hasMessage("bookings.csv: line 3 has a stray quote (\"): a quoted cell closes with more "
                + "text after it, before the next comma. Put the whole cell in quotes and double each quote inside it "
                + "(\"Acme \"\"Big\"\" Co\"), or remove the stray quote");
    }

    @Test
    void aControlCharacterInATextCellRejectsTheRowByColumn() throws Exception {
        List<CsvRow> rows = readAll(HEADER + "\nB-1,2026-10-01,\"A-1\r\nX\",R001,NEW,P,1,USD\n"
                + "B-2,2026-10-01,A-2,R0\u000001,NEW,P,2,USD\nB-3,2026-10-01,A-3,R001,NEW,P\t2,3,USD\n");
        assertThat(rows).extracting(CsvRow::problem).containsExactly(
                new CsvRow.Problem("account_id", "contains the control character U+000D (carriage return): this "
                        + "column is one line of printable text; remove it", "A-1<U+000D><U+000A>X"),
                new CsvRow.Problem("owner_rep_id", "contains the control character U+0000 (NUL): this column is one "
                        + "line of printable text; remove it", "R0<U+0000>01"),
                new CsvRow.Problem("product", "contains the control character U+0009 (tab): this column is one line "
                        + "of printable text; remove it", "P<U+0009>2"));
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 4L, 5L);
    }

    @Test
    void aLoneCarriageReturnInAQuotedCellCountsAsTheLineBreakItIs() throws Exception {
        List<CsvRow> rows = readAll(HEADER + "\nB-1,2026-10-01,\"A\rB\",R001,NEW,P,1,USD\nB-2,2026-10-01,A-2,R001,NEW,P,2,"
                + "USD\n");
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 4L);
    }

    @Test
    void aReasonMaySpanLinesButHoldsNoOtherControlCharacter() throws Exception {
        Files.writeString(inbox.resolve("adjustments.csv"), "adjustment_id,rep_id,amount,currency,reason,approved_by\n"
                + "J1,R1,10.00,USD,\"missed in October:\r\n\tdeal D7\",M9\nJ2,R1,10.00,USD,bell\u0007,M9\n");
        CsvRowReader reader = new CsvRowReader(inbox, CsvFileSpec.ADJUSTMENTS);
        reader.open(new ExecutionContext());
        List<CsvRow> rows = List.of(reader.read(), reader.read());
        reader.close();
        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(0).text("reason")).isEqualTo("missed in October:\r\n\tdeal D7");
        assertThat(rows.get(1).problem()).isEqualTo(new CsvRow.Problem("reason", "contains the control character "
                + "U+0007: a reason may span lines and hold tabs, but no other control character; remove it",
                "bell<U+0007>"));
    }

    @Test
    void aBomBeforeAQuotedFirstHeaderCellIsSkipped() throws Exception {
        // Excel's "CSV UTF-8" writes a BOM; with the header quoted, the BOM must not hide the first quote
        List<CsvRow> rows = readAll("\uFEFF\"booking_id\",\"booked_on\",account_id,owner_rep_id,type,product,acv,currency\n"
                + "\"B-1\",2026-10-01,A-1,R001,NEW,P,1,USD\n");
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.text("booking_id")).isEqualTo("B-1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "504B0304140006| is a ZIP archive (an Excel workbook?), not CSV text: save it as CSV UTF-8",
            "D0CF11E0A1B11A| is an Excel 97-2003 workbook, not CSV text: save it as CSV UTF-8",
            "FFFE6200| is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8: save it as CSV UTF-8",
            "FEFF0062| is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8: save it as CSV UTF-8"})
    void aFileThatIsNotTextIsRefusedByWhatItIs(String firstBytes, String message) {
        byte[] bytes = java.util.HexFormat.of().parseHex(firstBytes);
        assertThatThrownBy(() -> readAll(bytes, new ExecutionContext())).rootCause()
                .isInstanceOf(BadInputException.class).hasMessage("bookings.csv: " + message);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsMarked() throws Exception {
        List<CsvRow> rows = readAll(HEADER + "\nB-1,2026-10-01,A-1,R001,NEW,P,1\n");
        assertThat(rows.get(0).problem()).isEqualTo(CsvRow.Problem.shape("has 7 cells but the header has 8",
                "B-1,2026-10-01,A-1,R001,NEW,P,1"));
        assertThatThrownBy(rows.get(0)::requireWellFormed).isInstanceOf(RowRejectedException.class);
    }

    @Test
    void aCellLongerThanItsColumnHoldsIsMarkedWithTheColumn() throws Exception {
        // booking_id holds 64 characters; the surrounding spaces are not stored, so 64 plus spaces fit
        String longest = "B".repeat(64);
        List<CsvRow> rows = readAll(HEADER + "\n\"  " + longest + " \",2026-10-01,A-1,R001,NEW,P,1,USD\n"
                + longest + "X,2026-10-01,A-1,R001,NEW,P,1,USD\n");
        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(1).problem()).isEqualTo(new CsvRow.Problem("booking_id",
                "longer than the 64 characters this column holds (65)", longest + "X"));
    }

    private Throwable badInput(String content) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> readAll(content));
        while (thrown != null && !(thrown instanceof BadInputException)) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).isInstanceOf(BadInputException.class);
        return thrown;
    }

    @Test
    void aRestartSkipsTheRowsAlreadyRead() throws Exception {
        String content = HEADER + "\nB-1,2026-10-01,A-1,R001,NEW,P,1,USD\nB-2,2026-10-01,A-2,R001,NEW,P,2,USD\n"
                + "B-3,2026-10-01,A-3,R001,NEW,P,3,USD\n";
        ExecutionContext afterTwoRows = new ExecutionContext();
        afterTwoRows.putInt("bookings.csv.read.count", 2);
        List<CsvRow> rows = readAll(content.getBytes(StandardCharsets.UTF_8), afterTwoRows);
        assertThat(rows).extracting(r -> r.text("booking_id")).containsExactly("B-3");
    }
}
