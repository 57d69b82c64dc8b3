import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.compclose.core.plan.PayPeriod;
import io.compclose.intake.IntakeRepository;
import io.compclose.intake.PlanFiles;
import io.compclose.statement.StatementAssembler;
import io.compclose.statement.StatementDocument;
import io.compclose.statement.StatementRenderer;
import io.compclose.statement.StatementRepository;
import io.compclose.system.BulkLoad;
import io.compclose.system.CloseProperties;
import io.compclose.system.LocalInfile;
import io.compclose.system.PayCalendar;

/**
 * The ceiling of statement rendering: JasperReports fill + PDF export of the very statements a
 * close produced, with the product's template and renderer, and nothing else (no database reads
 * while timed, no files, no records). The documents are assembled from the closed period first,
 * untimed. Then all are rendered on N threads twice, and once on 1 thread: the first pass runs in a
 * cold JVM like the close's step does (JasperReports' code is compiled while it runs, and the
 * compiler shares the cores), the later ones show the warm rate.
 *
 * <pre>
 * java -cp target/classes:$(cat target/cp.txt) ops/bench/RawStatements.java \
 *      --url jdbc:mysql://127.0.0.1:3306/compclose_bench --user root --password '' \
 *      --period 2026-10 --plans /tmp/compclose-bench/inbox-.../2026-10/plans --threads 2
 * </pre>
 * Prints {@code raw statements <cold|warm> threads=<n> pdfs=<n> seconds=<s> pdfs_per_s=<r>} per pass.
 */
public class RawStatements {

    /** The reference month's plan year is the calendar year, as the close's default. */
    private static final PayCalendar NO_CALENDAR = new PayCalendar("");

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> opt = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(opt.get("--url"),
                opt.getOrDefault("--user", "root"), opt.getOrDefault("--password", ""));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        PayPeriod period = PayPeriod.of(YearMonth.parse(opt.get("--period")));
        int threads = Integer.parseInt(opt.getOrDefault("--threads", "2"));

        BulkLoad bulkLoad = new BulkLoad(jdbc, new LocalInfile());
        IntakeRepository intake = new IntakeRepository(jdbc,
                new CloseProperties(500, 10000, false, "bench@example.invalid", "USD"), bulkLoad);
        StatementAssembler assembler = new StatementAssembler(period, 1, intake.roster(period.toString()),
                new PlanFiles(NO_CALENDAR).catalog(Path.of(opt.get("--plans"))),
                new StatementRepository(jdbc, bulkLoad, NO_CALENDAR), null);
        List<String> reps = jdbc.queryForList("SELECT rep_id FROM active_rep WHERE pay_period = ? ORDER BY rep_id",
                String.class, period.toString());
        long assembly = System.nanoTime();
        List<StatementDocument> documents = new ArrayList<>();
        for (String rep : reps) {
            documents.add(assembler.assemble(rep));
        }
        // what the step reads from the database besides rendering, on one thread
        System.out.printf("raw statements assembly threads=1 pdfs=%d seconds=%.2f%n", documents.size(),
                (System.nanoTime() - assembly) / 1e9);
        StatementRenderer renderer = new StatementRenderer();
        String[] passes = {"cold", "warm", "warm"};
        int[] threadCounts = {threads, threads, 1};
        for (int pass = 0; pass < passes.length; pass++) {
            int n = threadCounts[pass];
            long start = System.nanoTime();
            long bytes = 0;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (StatementDocument document : documents) {
                pdfs.add(pool.submit(() -> renderer.render(document)));
            }
            for (Future<byte[]> pdf : pdfs) {
                bytes += pdf.get().length;
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("raw statements %s threads=%d pdfs=%d seconds=%.2f pdfs_per_s=%.1f mean_kb=%d%n",
                    passes[pass], n, documents.size(), seconds, documents.size() / seconds,
                    bytes / documents.size() / 1024);
        }
    }
}
