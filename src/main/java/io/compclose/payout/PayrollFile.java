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

import io.compclose.core.plan.PayPeriod;
import io.compclose.system.AtomicFiles;

/**
 * A payroll file in one layout and its control file with the row count, the total per currency and
 * the CSV's SHA-256: the generic {@code payroll-<period>.csv} of outputs.md, or a configured layout's
 * {@code payroll-<period>.<layout>.csv}. Pure: rows in, bytes out.
 */
public record PayrollFile(String name, String period, PayrollLayout layout, byte[] csv, byte[] control,
        int rowCount, Map<String, BigDecimal> totals) {

    /** The generic file of a period's first close. */
    public static PayrollFile of(String period, List<PayoutRow> rows) {
        return of(PayrollLayout.GENERIC, "payroll-" + period, period, rows, 1);
    }

    /**
     * @param baseName {@code payroll-2026-10}, or {@code payroll-2026-10-r2} for a correction file
     * @param revision 1 for the period's payroll file; from 2 on, a correction file whose amounts are the
     *                 differences against the files already sent, which its control file says
     */
    public static PayrollFile of(PayrollLayout layout, String baseName, String period, List<PayoutRow> rows,
            int revision) {
        return of(layout, baseName, PayPeriod.of(java.time.YearMonth.parse(period)), rows, revision);
    }

    /** @param payPeriod the period paid, whose first and last days a layout may show */
    public static PayrollFile of(PayrollLayout layout, String baseName, PayPeriod payPeriod, List<PayoutRow> rows,
            int revision) {
        String period = payPeriod.id();
        List<PayoutRow> taken = rows.stream().filter(layout::takes).toList();
        StringWriter text = new StringWriter();
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
            csv.printRecord(layout.headers());
            for (PayoutRow row : taken) {
                csv.printRecord(layout.columns().stream().map(column -> column.cell(row, payPeriod)).toList());
                totals.merge(row.currency(), amount(row), BigDecimal::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = layout.fileName(baseName);
        byte[] csvBytes = text.toString().getBytes(StandardCharsets.UTF_8);
        StringBuilder control = new StringBuilder()
                .append("file=").append(name).append(".csv\n");
        if (layout.name() != null) {
            control.append("layout=").append(layout.name()).append('\n');
        }
        control.append("pay_period=").append(period).append('\n');
        if (layout.currency() != null) {
            // the rows paid in other currencies are in the generic file, not lost
            control.append("currency=").append(layout.currency()).append('\n')
                    .append("rows_in_other_currencies=").append(rows.size() - taken.size()).append('\n');
        }
        if (revision > 1) {
            control.append("revision=").append(revision).append('\n')
                    .append("amounts=differences against the payroll files of ").append(period)
                    .append(" already sent\n");
        }
        control.append("row_count=").append(taken.size()).append('\n');
        totals.forEach((currency, total) -> control.append("total_").append(currency).append('=')
                .append(total.toPlainString()).append('\n'));
        control.append("sha256=").append(AtomicFiles.sha256(csvBytes)).append('\n');
        return new PayrollFile(name, period, layout, csvBytes, control.toString().getBytes(StandardCharsets.UTF_8),
                taken.size(), totals);
    }

    /** A row's amount as every file writes it: two decimals, which a payout always has. */
    static BigDecimal amount(PayoutRow row) {
        return row.amount().setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Reads the CSV back and totals it per currency: the file, not the rows it came from, is checked. */
    public Map<String, BigDecimal> totalsAsWritten() {
        Map<String, BigDecimal> sums = new TreeMap<>();
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() == 1) {
                    continue; // the header
                }
                String currency = layout.currencyColumn() < 0 ? layout.currency()
                        : record.get(layout.currencyColumn());
                sums.merge(currency, new BigDecimal(record.get(layout.amountColumn())), BigDecimal::add);
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
