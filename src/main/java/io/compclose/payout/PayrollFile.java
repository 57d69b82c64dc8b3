package io.compclose.payout;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import io.compclose.system.AtomicFiles;
import io.compclose.system.SpreadsheetSafe;

/**
 * The generic payroll export of outputs.md: {@code payroll-<period>.csv} and its control file
 * with the row count, the total per currency and the CSV's SHA-256. Pure: rows in, bytes out.
 */
public record PayrollFile(String name, String period, byte[] csv, byte[] control, int rowCount,
        Map<String, BigDecimal> totals) {

    static final List<String> HEADER = List.of("employee_id", "rep_id", "pay_period", "earning_code", "amount",
            "currency");

    public static PayrollFile of(String period, List<PayoutRow> rows) {
        return of("payroll-" + period, period, rows, 1);
    }

    /**
     * @param revision 1 for the period's payroll file; from 2 on, a correction file whose amounts are the
     *                 differences against the files already sent, which its control file says
     */
    public static PayrollFile of(String name, String period, List<PayoutRow> rows, int revision) {
        StringWriter text = new StringWriter();
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
            csv.printRecord(HEADER);
            for (PayoutRow row : rows) {
                BigDecimal amount = row.amount().setScale(2, RoundingMode.UNNECESSARY);
                csv.printRecord(SpreadsheetSafe.text(row.employeeId()), SpreadsheetSafe.text(row.repId()),
                        row.payPeriod(), row.earningCode(), amount.toPlainString(), row.currency());
                totals.merge(row.currency(), amount, BigDecimal::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] csvBytes = text.toString().getBytes(StandardCharsets.UTF_8);
        StringBuilder control = new StringBuilder()
                .append("file=").append(name).append(".csv\n")
                .append("pay_period=").append(period).append('\n');
        if (revision > 1) {
            control.append("revision=").append(revision).append('\n')
                    .append("amounts=differences against the payroll files of ").append(period)
                    .append(" already sent\n");
        }
        control
                .append("row_count=").append(rows.size()).append('\n');
        totals.forEach((currency, total) -> control.append("total_").append(currency).append('=')
                .append(total.toPlainString()).append('\n'));
        control.append("sha256=").append(AtomicFiles.sha256(csvBytes)).append('\n');
        return new PayrollFile(name, period, csvBytes, control.toString().getBytes(StandardCharsets.UTF_8),
                rows.size(), totals);
    }

    /** Reads the CSV back and totals it per currency: the file, not the rows it came from, is checked. */
    public Map<String, BigDecimal> totalsAsWritten() {
        Map<String, BigDecimal> sums = new TreeMap<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
            for (CSVRecord record : parser) {
                sums.merge(record.get("currency"), new BigDecimal(record.get("amount")), BigDecimal::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    public String csvName() {
        return name + ".csv";
    }

    public String controlName() {
        return name + ".ctl";
    }
}
