package io.compclose.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.CloseOutcome;
import io.compclose.support.TestDatabases;

/**
 * The calculation and the statements run as rep ranges on several threads; the close they give is
 * the single-threaded close, row for row, byte for byte and word for word.
 */
class PartitionedCloseFunctionalTests {

    @TempDir
    Path work;

    @Test
    void fiveRangesOnFourThreadsGiveTheSingleThreadedClose() {
        // given the sample month closed on one thread, as one range
        CloseFixture single = new CloseFixture(work.resolve("single"),
                TestDatabases.freshMariaDb("compclose_single_thread"), false);
        CliRun one = CliRun.of(single.closeArgs("--compclose.partition.threads=1", "--compclose.partition.grid-size=1"));
        assertThat(one.exitCode()).as(one.toString()).isZero();

        // when the same month is closed as five ranges on four threads, one rep per chunk
        CloseFixture parallel = new CloseFixture(work.resolve("parallel"),
                TestDatabases.freshMariaDb("compclose_four_threads"), false);
        List<String> args = new java.util.ArrayList<>(parallel.closeArgs("--compclose.partition.threads=4",
                "--compclose.partition.grid-size=5"));
        args.replaceAll(arg -> arg.startsWith("--compclose.chunk-size=") ? "--compclose.chunk-size=1" : arg);
        CliRun four = CliRun.of(args);
        assertThat(four.exitCode()).as(four.toString()).isZero();

        // then each step ran as its ranges, every rep in exactly one of them: ranges of about the same work,
        // the reps weighed by their credits plus one: M001 and R008 weigh 1, the eight others 12, 98 in all,
        // cut nearest 19.6, 39.2, 58.8 and 78.4 (after 25, 37, 61 and 73) into 3, 1, 2, 1 and 3 reps
        for (String step : List.of("calculateEarnings", "renderStatements")) {
            List<Map<String, Object>> ranges = parallel.jdbc().queryForList("""
                    SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT FROM BATCH_STEP_EXECUTION
                    WHERE STEP_NAME LIKE ? ORDER BY STEP_NAME""", step + "Range:%");
            assertThat(ranges).extracting(r -> r.get("STEP_NAME")).containsExactly(step + "Range:reps001",
                    step + "Range:reps002", step + "Range:reps003", step + "Range:reps004", step + "Range:reps005");
            assertThat(ranges).allSatisfy(r -> assertThat(r.get("STATUS")).isEqualTo("COMPLETED"));
            assertThat(ranges).extracting(r -> ((Number) r.get("READ_COUNT")).intValue()).containsExactly(3, 1, 2, 1, 3);
            // the step itself sums its ranges
            assertThat(parallel.count("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ?", step))
                    .isEqualTo(10);
        }
        assertThat(single.count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '%Range:%'"))
                .as("one range per step on one thread").isEqualTo(2);

        // and the outcome is the single-threaded one: every table, the payroll file, statements and emails
        CloseOutcome expected = CloseOutcome.read(single.databaseUrl(), single.out());
        CloseOutcome actual = CloseOutcome.read(parallel.databaseUrl(), parallel.out());
        assertThat(actual.files().get("payroll/payroll-2026-10.ctl")).contains("row_count=8", "total_EUR=80783.52",
                "total_USD=236820.46");
        assertThat(actual.statements()).hasSize(10);
        assertThat(actual.tables()).isEqualTo(expected.tables());
        assertThat(actual.files()).isEqualTo(expected.files());
        assertThat(actual.statements()).isEqualTo(expected.statements());
        assertThat(actual.emails()).isEqualTo(expected.emails());
    }
}
