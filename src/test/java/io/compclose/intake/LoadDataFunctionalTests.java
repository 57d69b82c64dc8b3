package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.FaultInjection;
import io.compclose.support.TestDatabases;
import io.compclose.support.WritePaths;

/**
 * On MariaDB, intake writes bookings, account owners and usage, and crediting its credits, with LOAD DATA
 * LOCAL INFILE. The rows
 * it stores are exactly the rows the batched INSERTs stored (and H2 stores), texts that LOAD DATA's
 * format must escape and numbers at their columns' widths included; and a fault after a chunk's rows
 * are loaded, before its commit, takes them back with the chunk, so the restart stores each row once.
 */
class LoadDataFunctionalTests {

    /**
     * Texts LOAD DATA's format must escape: a backslash before a t or an n (a tab or a line break to LOAD
     * DATA, unescaped; a real tab or line break no longer passes intake in these columns), a backslash, a quote
     * and comma, a literal \N, non-ASCII; edge numbers.
     */
    private static final String USAGE = """
            usage_id,account_id,product,usage_month,quantity,unit,revenue,currency
            U1,ACC-1,COMPUTE,2026-10,,,5000,USD
            U2,ACC-1,STORAGE,2026-10,10,TB,1500,USD
            U3,ACC-2,"tab\\tinside",2026-09,0.000001,"back\\slash",0.01,USD
            U4,ACC-2,"line\\nbreak",2026-08,123456789012.123456,\\N,999999999999.99,USD
            U5,ACC-3,"quote "" and comma, too",2026-10,,µs – Ünit,0,USD
            """;
    private static final String BOOKINGS = ValidInbox.FILES.get("bookings.csv")
            + "B7,2026-10-11,A7,\"Tab\\tand \\N and back\\slash, ünïcode\",R1,NEW,PLATFORM,0.01,999999999999.99,36,"
            + "USD,R2,BUNDLE-1\n";
    private static final String ACCOUNT_OWNERS = ValidInbox.FILES.get("account_owners.csv")
            + "ACC-2,C1,CSM,2026-10-01,2026-12-31\n";
    private static final Map<String, String> KEYS = Map.of("booking", "booking_id", "account_owner",
            "account_id, rep_id", "billed_usage", "usage_id", "credit", "booking_id, rep_id", "earning_line",
            "rep_id, line_no", "statement_figure", "rep_id, version, figure_key");

    @TempDir
    Path work;

    @Test
    void loadDataStoresExactlyTheRowsTheBatchedInsertsStore() throws Exception {
        // given an inbox whose texts LOAD DATA must escape, on MariaDB twice and on H2
        Path inbox = inbox();
        String loaded = TestDatabases.freshMariaDb("compclose_load_data");
        String inserted = TestDatabases.freshMariaDb("compclose_load_inserts");
        String h2 = TestDatabases.h2(work.resolve("h2"));

        // when intake writes with LOAD DATA, with batched INSERTs only, and on H2
        WritePaths.CountedLoads.LOADS.clear();
        assertCompleted(close(inbox, "load", loaded, WritePaths.CountedLoads.class));
        Map<String, Integer> loads = new java.util.TreeMap<>();
        WritePaths.CountedLoads.LOADS.forEach((table, count) -> loads.put(table, count.get()));
        assertCompleted(close(inbox, "inserts", inserted, WritePaths.InsertsOnly.class));
        assertCompleted(close(inbox, "h2", h2));

        // then LOAD DATA wrote each file and the credits (a chunk of 7 each: booking, account_owner,
        // billed_usage, credit), and the earning lines and statement figures of each rep range that has a rep ...
        assertThat(loads).containsEntry("booking", 1).containsEntry("account_owner", 1)
                .containsEntry("billed_usage", 1).containsEntry("credit", 1)
                .containsOnlyKeys("booking", "account_owner", "billed_usage", "credit", "earning_line",
                        "statement_figure");
        assertThat(loads.get("earning_line")).isPositive();
        assertThat(loads.get("statement_figure")).isPositive();
        // ... and every table holds the same rows, value for value, whichever way they were written
        for (String table : KEYS.keySet()) {
            List<String> rows = rows(loaded, table);
            assertThat(rows).as(table).isEqualTo(rows(inserted, table)).isEqualTo(rows(h2, table));
        }
        assertThat(rows(loaded, "billed_usage")).containsExactly(
                "2026-10|U1|ACC-1|COMPUTE|2026-10|null|null|5000|USD|2",
                "2026-10|U2|ACC-1|STORAGE|2026-10|10|TB|1500|USD|3",
                "2026-10|U3|ACC-2|tab\\tinside|2026-09|0.000001|back\\slash|0.01|USD|4",
                "2026-10|U4|ACC-2|line\\nbreak|2026-08|123456789012.123456|\\N|999999999999.99|USD|5",
                "2026-10|U5|ACC-3|quote \" and comma, too|2026-10|null|µs – Ünit|0|USD|6");
        // (the deal attributes of changeset 030 last, not given: null)
        assertThat(rows(loaded, "booking")).contains("2026-10|B7|2026-10-11|A7|Tab\\tand \\N and back\\slash, ünïcode|R1"
                + "|NEW|PLATFORM|0.01|999999999999.99|36|USD|R2|BUNDLE-1|8|null|null|null");
        assertThat(rows(loaded, "account_owner")).containsExactly("2026-10|ACC-1|C1|CSM|2026-10-01|null|2",
                "2026-10|ACC-2|C1|CSM|2026-10-01|2026-12-31|3");
    }

    @Test
    void aFaultAfterAChunkIsLoadedTakesItsRowsBackAndTheRestartStoresEachRowOnce() throws Exception {
        // given 40 usage rows read in chunks of 7, and a close that fails once the third chunk is loaded,
        // before that chunk commits
        StringBuilder usage = new StringBuilder("usage_id,account_id,product,usage_month,quantity,unit,revenue,currency\n");
        for (int i = 1; i <= 40; i++) {
            usage.append("U").append(i).append(",ACC-1,COMPUTE,2026-10,").append(i).append(",h,").append(i * 100)
                    .append(".25,USD\n");
        }
        Path inbox = ValidInbox.write(work.resolve("inbox"), Map.of("usage.csv",
                usage.toString().getBytes(StandardCharsets.UTF_8)));
        String url = TestDatabases.freshMariaDb("compclose_load_restart");
        FaultInjection.armAfterWrite("loadUsage", 3);
        WritePaths.CountedLoads.LOADS.clear();

        // when
        CliRun failed = close(inbox, "out", url, FaultInjection.class, WritePaths.CountedLoads.class);

        // then the third chunk's 7 rows went back with its transaction: two chunks stay
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("failed in step loadUsage").contains("injected fault");
        assertThat(WritePaths.CountedLoads.loads("billed_usage")).as("3 usage chunks").isEqualTo(3);
        CloseFixture db = new CloseFixture(work.resolve("out"), url, false);
        assertThat(db.count("SELECT COUNT(*) FROM billed_usage")).isEqualTo(14);

        // and the same command resumes at the third chunk and stores every row once
        CliRun restarted = close(inbox, "out", url, FaultInjection.class, WritePaths.CountedLoads.class);
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).contains("Restarting the close of 2026-10").contains("(step loadUsage)");
        assertThat(db.count("SELECT COUNT(*) FROM billed_usage")).isEqualTo(40);
        assertThat(db.count("SELECT COUNT(DISTINCT usage_id) FROM billed_usage")).isEqualTo(40);
        // 100.25 + 200.25 + ... + 4,000.25 = 100 x (1 + ... + 40) + 40 x 0.25 = 82,000 + 10 = 82,010
        assertThat(db.jdbc().queryForObject("SELECT SUM(revenue) FROM billed_usage", BigDecimal.class))
                .isEqualByComparingTo("82010");
        assertThat(db.jdbc().queryForObject("SELECT SUM(source_line) FROM billed_usage", Long.class))
                .as("lines 2 to 41, each once").isEqualTo(860L);
        assertThat(db.jdbc().queryForObject("SELECT usage_rows FROM account_usage WHERE usage_month = '2026-10'",
                Long.class)).isEqualTo(40L);
    }

    private Path inbox() throws Exception {
        return ValidInbox.write(work.resolve("inbox"), Map.of(
                "usage.csv", USAGE.getBytes(StandardCharsets.UTF_8),
                "bookings.csv", BOOKINGS.getBytes(StandardCharsets.UTF_8),
                "account_owners.csv", ACCOUNT_OWNERS.getBytes(StandardCharsets.UTF_8)));
    }

    private CliRun close(Path inbox, String out, String url, Class<?>... configuration) {
        List<String> args = new ArrayList<>(List.of("close", "--period=2026-10", "--inbox=" + inbox,
                "--out=" + work.resolve(out), "--compclose.progress=false", "--compclose.intake-chunk-size=7",
                "--spring.datasource.url=" + url));
        return CliRun.of(args, configuration);
    }

    private static void assertCompleted(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /** A table's rows in key order, each as its values joined by |; numbers without trailing zeros. */
    private List<String> rows(String url, String table) {
        return new CloseFixture(work, url, false).jdbc()
                .queryForList("SELECT * FROM " + table + " ORDER BY pay_period, " + KEYS.get(table)).stream()
                .map(row -> row.values().stream().map(LoadDataFunctionalTests::text).collect(Collectors.joining("|")))
                .toList();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }
}
