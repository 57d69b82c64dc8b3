import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The ceiling of reading the input: Commons CSV (the product's parser, RFC 4180) parses bookings.csv
 * and usage.csv and every cell is converted to the type its column holds (text, LocalDate, YearMonth,
 * BigDecimal, int), cells found by header name. Nothing else: no validation, no rejects, no database,
 * one thread. A checksum of the values is printed so that no conversion can be optimised away.
 *
 * <pre>
 * java -cp "$(cat target/cp.txt)" ops/bench/RawParse.java --inbox DIR
 * </pre>
 * Prints one line per file: {@code parse <file> rows=<n> seconds=<s> rows_per_s=<r>}.
 */
public class RawParse {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    interface Converter {
        long convert(CSVRecord record, Map<String, Integer> columns);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--inbox")) {
            System.err.println("usage: RawParse --inbox DIR");
            System.exit(2);
        }
        Path inbox = Path.of(args[1]);
        parse(inbox.resolve("bookings.csv"), (r, c) -> {
            long sum = r.get(c.get("booking_id")).length() + r.get(c.get("account_id")).length()
                    + r.get(c.get("account_name")).length() + r.get(c.get("owner_rep_id")).length()
                    + r.get(c.get("type")).length() + r.get(c.get("product")).length()
                    + r.get(c.get("currency")).length() + r.get(c.get("sourced_by_rep_id")).length()
                    + r.get(c.get("bundle_id")).length();
            sum += LocalDate.parse(r.get(c.get("booked_on"))).getDayOfMonth();
            sum += new BigDecimal(r.get(c.get("acv"))).scale() + decimal(r.get(c.get("tcv")));
            String term = r.get(c.get("term_months"));
            return sum + (term.isEmpty() ? 12 : Integer.parseInt(term));
        });
        parse(inbox.resolve("usage.csv"), (r, c) -> {
            long sum = r.get(c.get("usage_id")).length() + r.get(c.get("account_id")).length()
                    + r.get(c.get("product")).length() + r.get(c.get("unit")).length()
                    + r.get(c.get("currency")).length();
            sum += YearMonth.parse(r.get(c.get("usage_month"))).getMonthValue();
            return sum + decimal(r.get(c.get("quantity"))) + new BigDecimal(r.get(c.get("revenue"))).scale();
        });
    }

    private static long decimal(String cell) {
        return cell.isEmpty() ? 0 : new BigDecimal(cell).scale();
    }

    private static void parse(Path file, Converter converter) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(in)) {
            Map<String, Integer> columns = new HashMap<>();
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    for (int i = 0; i < record.size(); i++) {
                        columns.put(record.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
                    }
                    header = false;
                    continue;
                }
                checksum += converter.convert(record, columns);
                rows++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "parse %s rows=%d seconds=%.2f rows_per_s=%.0f checksum=%d%n",
                file.getFileName(), rows, seconds, rows / seconds, checksum);
    }
}
