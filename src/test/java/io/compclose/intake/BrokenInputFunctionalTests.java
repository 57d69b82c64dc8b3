package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.intake.BrokenFiles.FatalFile;
import io.compclose.intake.BrokenFiles.Variant;
import io.compclose.intake.BrokenRows.BrokenRow;
import io.compclose.intake.BrokenRows.Outcome;
import io.compclose.intake.BrokenRows.Placed;
import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;

/**
 * The close fed a generated corpus of broken input ({@link BrokenRows}, {@link BrokenFiles}) through
 * the real command line, on the embedded database. Whatever the input, the user never sees a stack
 * trace; a broken row is rejected with its file, line, column and reason while the valid rows are paid
 * as {@link ValidInbox} works out; the control totals tie; a formula reaches no CSV un-neutralised; and
 * a file the close cannot read stops it with exit code 2 and one line naming the file, after which the
 * corrected inbox closes where it stopped.
 */
class BrokenInputFunctionalTests {

    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\tat |Caused by:|\\b(java|javax|jakarta|org|io)\\.[a-z]+\\.[\\w.$]*(Exception|Error)\\b");
    private static final AtomicInteger CASES = new AtomicInteger();

    @TempDir
    Path work;

    @AfterAll
    static void countCases() {
        System.out.println("BrokenInputFunctionalTests: " + CASES.get() + " cases of broken input tried");
    }

    @TestFactory
    Stream<DynamicNode> everyBrokenRowIsRejectedWithItsReasonAndTheValidRowsArePaid() throws IOException {
        // given the valid inbox with every broken row mixed into its files
        List<BrokenRow> broken = BrokenRows.all();
        BrokenRows.MixedInbox mixed = BrokenRows.mix(broken);
        Path out = work.resolve("out");
        Path inbox = ValidInbox.write(work.resolve("inbox"), mixed.files());
        CASES.addAndGet(broken.size());

        // when it is closed, in small chunks so that rejects and accepted rows share chunks; with the review gate
        // off: most rows of some files are broken ones, and bookings name reps without a roster row, which the
        // gate (on by default) would stop for review
        CliRun run = CliRun.of(List.of("close", "--period=" + ValidInbox.PERIOD, "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false", "--compclose.intake-chunk-size=7", "--compclose.review.enabled=false"));
        Outputs outputs = Outputs.read(out);

        // then
        List<DynamicNode> checks = new ArrayList<>();
        checks.add(DynamicTest.dynamicTest("the close completes without a stack trace", () -> {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertNoStackTrace(run);
        }));
        checks.add(DynamicTest.dynamicTest("the valid rows and the hostile but valid ones are paid", () -> {
            List<String> expected = new ArrayList<>(ValidInbox.PAYROLL);
            expected.addAll(BrokenRows.hostilePayroll());
            assertThat(outputs.payroll()).containsExactlyInAnyOrderElementsOf(expected);
        }));
        checks.add(DynamicTest.dynamicTest("no CSV the close writes starts a cell with a formula",
                outputs::assertNeutralised));
        for (Map.Entry<String, List<Placed>> file : mixed.placed().entrySet()) {
            List<DynamicTest> rows = new ArrayList<>();
            rows.add(DynamicTest.dynamicTest("rows read = accepted + rejected + re-delivered, as broken",
                    () -> assertControlTotals(outputs, file.getKey(), file.getValue())));
            for (Placed row : file.getValue()) {
                rows.add(DynamicTest.dynamicTest("line " + row.line() + ": " + row.row().kind(),
                        () -> assertVerdict(outputs, row)));
            }
            checks.add(DynamicContainer.dynamicContainer(file.getKey() + " ("
                    + file.getValue().size() + " broken rows)", rows));
        }
        return checks.stream();
    }

    @TestFactory
    Stream<DynamicNode> variationsTheContractAllowsChangeNothing() throws IOException {
        List<DynamicNode> checks = new ArrayList<>();
        int close = 0;
        for (Map<String, Set<Variant>> variants : BrokenFiles.variantCloses()) {
            // given every file varied in half of the allowed ways at once
            close++;
            Map<String, byte[]> files = new LinkedHashMap<>();
            variants.forEach((file, v) -> files.put(file, BrokenFiles.vary(file, v)));
            Path out = work.resolve("out-" + close);
            Path inbox = ValidInbox.write(work.resolve("inbox-" + close), files);
            variants.values().forEach(v -> CASES.addAndGet(v.size()));

            // when it is closed
            CliRun run = CliRun.of(List.of("close", "--period=" + ValidInbox.PERIOD, "--inbox=" + inbox,
                    "--out=" + out, "--compclose.progress=false"));
            Outputs outputs = Outputs.read(out);
            String log = Files.readString(out.resolve("logs/compclose.log"));

            // then it is the valid inbox's close
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("pays the valid inbox, rejects nothing", () -> {
                assertThat(run.exitCode()).as(run.toString()).isZero();
                assertNoStackTrace(run);
                assertThat(outputs.payroll()).containsExactlyInAnyOrderElementsOf(ValidInbox.PAYROLL);
                assertThat(outputs.rejects()).isEmpty();
            }));
            variants.forEach((file, v) -> {
                for (Variant variant : v) {
                    tests.add(DynamicTest.dynamicTest(file + ": " + variant + " (with " + (v.size() - 1) + " more)",
                            () -> {
                                int rows = ValidInbox.rows(file).size();
                                assertThat(outputs.controlTotals(file)).as(file)
                                        .isEqualTo(new Counts(rows, rows, 0, 0));
                                if (variant == Variant.UNKNOWN_COLUMN) {
                                    assertThat(log).contains(file + ": ignoring unknown column(s) note");
                                }
                            }));
                }
            });
            checks.add(DynamicContainer.dynamicContainer("close " + close, tests));
        }
        return checks.stream();
    }

    @TestFactory
    Stream<DynamicTest> optionalFilesWithOnlyAHeaderAreFilesWithoutRows() throws IOException {
        // given every optional file cut down to its header
        List<String> optional = ValidInbox.FILES.keySet().stream()
                .filter(file -> !file.equals("reps.csv") && !file.equals("bookings.csv")).toList();
        Map<String, byte[]> files = new LinkedHashMap<>();
        optional.forEach(file -> files.put(file, BrokenFiles.headerOnly(file)));
        Path out = work.resolve("out");
        CASES.addAndGet(optional.size());

        // when it is closed
        CliRun run = CliRun.of(List.of("close", "--period=" + ValidInbox.PERIOD, "--inbox="
                + ValidInbox.write(work.resolve("inbox"), files), "--out=" + out, "--compclose.progress=false"));
        Outputs outputs = Outputs.read(out);

        // then the bookings alone are paid, each to its owner: without fx_rates.csv, B6 (EUR, for R2 paid in
        // USD) cannot be converted; without splits.csv, B5 is R2's alone; no usage, no adjustments.
        // R1 (10,000 + 2,500.50) x 10 % = 1,250.05; R2 (20,000 + 4,000) x 10 % = 2,400.00; R3 800.00 EUR
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("pays the bookings alone and rejects B6", () -> {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertNoStackTrace(run);
            assertThat(outputs.payroll()).containsExactly("E1,R1,2026-10,COMMISSION,1250.05,USD",
                    "E2,R2,2026-10,COMMISSION,2400.00,USD", "E3,R3,2026-10,COMMISSION,800.00,EUR");
            assertThat(outputs.rejects()).singleElement().satisfies(reject -> assertThat(reject.toList())
                    .containsExactly("bookings.csv", "7", "currency", "no FX rate for EUR in 2026-10 (fx_rates.csv) "
                            + "to convert into the owner's pay currency USD", "EUR"));
        }));
        for (String file : optional) {
            tests.add(DynamicTest.dynamicTest(file + ": header only", () -> assertThat(outputs.controlTotals(file))
                    .isEqualTo(new Counts(0, 0, 0, 0))));
        }
        return tests.stream();
    }

    /**
     * Each fatal breakage in turn, in the order the close reads the files, on one database: each run stops
     * in the step that reads the broken file and the next run, with that file corrected and another broken,
     * restarts there. The last run, with every file corrected, completes the close.
     */
    @TestFactory
    Stream<DynamicTest> aFileTheCloseCannotReadStopsItWithOneLineNamingTheFile() throws IOException {
        Path out = work.resolve("out");
        Path inbox = work.resolve("inbox");
        List<String> close = List.of("close", "--period=" + ValidInbox.PERIOD, "--inbox=" + inbox, "--out=" + out,
                "--compclose.progress=false");
        List<DynamicTest> tests = new ArrayList<>();
        for (FatalFile broken : BrokenFiles.fatal()) {
            CASES.incrementAndGet();
            tests.add(DynamicTest.dynamicTest(broken.toString(), () -> {
                // given the valid inbox with this one file broken
                Map<String, byte[]> files = new HashMap<>();
                files.put(broken.file(), broken.content());
                ValidInbox.write(inbox, files);

                // when
                CliRun run = CliRun.of(close);

                // then
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
                assertNoStackTrace(run);
                assertThat(run.err().lines().toList()).as(run.toString()).hasSize(2)
                        .satisfies(lines -> assertThat(lines.get(0)).startsWith(broken.firstLine()))
                        .endsWith("Fix the input and run the same command again; the close continues from that step.");
                assertThat(out.resolve("payroll")).doesNotExist();
            }));
        }
        tests.add(DynamicTest.dynamicTest("corrected, the close completes and pays the valid inbox", () -> {
            ValidInbox.write(inbox, Map.of());
            CliRun run = CliRun.of(close);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            Outputs outputs = Outputs.read(out);
            assertThat(outputs.payroll()).containsExactlyInAnyOrderElementsOf(ValidInbox.PAYROLL);
            assertThat(outputs.rejects()).isEmpty();
        }));
        return tests.stream();
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(STACK_TRACE.matcher(run.out()).find()).as(run.toString()).isFalse();
        assertThat(STACK_TRACE.matcher(run.err()).find()).as(run.toString()).isFalse();
    }

    private static void assertVerdict(Outputs outputs, Placed placed) {
        BrokenRow row = placed.row();
        List<CSVRecord> rejects = outputs.rejects().stream()
                .filter(r -> r.get("file").equals(row.file()) && r.get("line").equals(String.valueOf(placed.line())))
                .toList();
        if (row.outcome() == Outcome.ACCEPTED) {
            assertThat(rejects).as("accepted: " + row).isEmpty();
            return;
        }
        assertThat(rejects).as("rejects of " + row.file() + " line " + placed.line()).hasSize(1);
        CSVRecord reject = rejects.get(0);
        assertThat(reject.get("column")).as("column").isEqualTo(row.column());
        assertThat(reject.get("reason")).as("reason").contains(row.reason());
    }

    private static void assertControlTotals(Outputs outputs, String file, List<Placed> broken) {
        long valid = ValidInbox.rows(file).size();
        long accepted = count(broken, Outcome.ACCEPTED);
        long rejected = count(broken, Outcome.REJECTED);
        long duplicates = count(broken, Outcome.DUPLICATE);
        assertThat(outputs.controlTotals(file))
                .isEqualTo(new Counts(valid + broken.size(), valid + accepted, rejected, duplicates));
        assertThat(outputs.rejects().stream().filter(r -> r.get("file").equals(file)).count())
                .as("rejects of " + file + ": no valid row among them").isEqualTo(rejected + duplicates);
    }

    private static long count(List<Placed> rows, Outcome outcome) {
        return rows.stream().filter(p -> p.row().outcome() == outcome).count();
    }

    /** A file's control totals as reconciliation recorded them. */
    record Counts(long read, long accepted, long rejected, long duplicates) {
    }

    /** What a close left behind, read once. */
    record Outputs(List<String> payroll, List<CSVRecord> rejects, List<CSVRecord> summary,
            Map<String, Long> controlTotals) {

        static Outputs read(Path out) throws IOException {
            String period = ValidInbox.PERIOD;
            Path payroll = out.resolve("payroll/payroll-" + period + ".csv");
            Path rejects = out.resolve("rejects/rejects-" + period + ".csv");
            Path summary = out.resolve("reports/close-summary-" + period + ".csv");
            Map<String, Long> totals = new HashMap<>();
            if (Files.exists(out.resolve("db"))) {
                CloseFixture.onH2(out, false).jdbc().query("""
                        SELECT stage, row_count FROM control_total WHERE pay_period = ? AND stage LIKE '%.csv:%'
                        """, rs -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                }, period);
            }
            return new Outputs(Files.exists(payroll) ? Files.readAllLines(payroll).stream().skip(1).toList() : List.of(),
                    Files.exists(rejects) ? records(rejects) : List.of(),
                    Files.exists(summary) ? records(summary) : List.of(), totals);
        }

        Counts controlTotals(String file) {
            return new Counts(total(file + ":read"), total(file + ":accepted"), total(file + ":rejected"),
                    total(file + ":duplicate"));
        }

        private long total(String stage) {
            assertThat(controlTotals).as("control totals").containsKey(stage);
            return controlTotals.get(stage);
        }

        /** Text cells never start a formula; amounts and counts are numbers and may be negative. */
        void assertNeutralised() throws IOException {
            assertThat(rejects).isNotEmpty();
            for (CSVRecord reject : rejects) {
                for (String column : List.of("file", "column", "reason", "raw_value")) {
                    assertSafe("rejects " + reject.get("file") + ":" + reject.get("line"), reject.get(column));
                }
            }
            for (String line : payroll) {
                List<String> cells = List.of(line.split(",", -1));
                for (int i = 0; i < cells.size(); i++) {
                    if (i != 4) {
                        assertSafe("payroll " + line, cells.get(i));
                    }
                }
            }
            assertThat(summary).isNotEmpty();
            for (CSVRecord row : summary) {
                for (String column : List.of("section", "item", "label", "currency", "detail")) {
                    assertSafe("close summary " + row, row.get(column));
                }
            }
        }

        private static void assertSafe(String where, String cell) {
            assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as(where + ": " + cell).isTrue();
        }

        private static List<CSVRecord> records(Path csv) throws IOException {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(Files.readString(csv))).getRecords();
        }
    }
}
