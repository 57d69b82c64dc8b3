package io.compclose.reconciliation;

import io.compclose.core.reconciliation.ControlTotal;
import io.compclose.core.reconciliation.SourceFile;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import io.compclose.intake.CsvFileSpec;
import io.compclose.intake.CsvRow;
import io.compclose.intake.CsvRowReader;
import io.compclose.intake.ExtractRowReader;
import io.compclose.intake.RowRejectedException;
import io.compclose.system.CloseRun;
import io.compclose.system.ExtractProperties;

/** The inbox files (or the queries standing in for them) read again, independently of intake. */
record InboxRecount(ExtractProperties extract) {

    /** The rows of a file, or of the query standing in for it, counted again. */
    long rows(CloseRun run, CsvFileSpec spec) {
        return ExtractRowReader.queryFor(extract, spec).map(sql -> ExtractRowReader.count(extract, sql))
                .orElseGet(() -> countRecords(run, spec));
    }

    private static long countRecords(CloseRun run, CsvFileSpec spec) {
        CsvRowReader reader = new CsvRowReader(run.inbox(), spec);
        reader.setSaveState(false);
        reader.open(new ExecutionContext());
        try {
            return reader.countRemaining();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the rows of " + spec.fileName() + ": " + e.getMessage(), e);
        } finally {
            reader.close();
        }
    }

    /**
     * A file that carries money read row by row: its rows, and its amounts per currency, in all and on
     * the lines intake did not accept.
     *
     * @param notAccepted the kind of reject (REJECTED or DUPLICATE) of each line intake did not accept
     */
    SourceFile amounts(CloseRun run, CsvFileSpec spec, String amountColumn, Map<Long, String> notAccepted) {
        String file = spec.fileName();
        AbstractItemCountingItemStreamItemReader<CsvRow> reader = ExtractRowReader.of(extract, run.inbox(), spec);
        String stage = file + ":" + amountColumn;
        Map<String, ControlTotal> read = new TreeMap<>();
        Map<String, ControlTotal> rejected = new TreeMap<>();
        Map<String, ControlTotal> duplicate = new TreeMap<>();
        reader.setSaveState(false);
        reader.open(new ExecutionContext());
        long rows = 0;
        try {
            for (CsvRow row; (row = reader.read()) != null; ) {
                rows++;
                String currency = currency(row);
                BigDecimal amount = amount(row, amountColumn);
                if (currency == null || amount == null) {
                    continue;
                }
                add(read, stage + "_read", currency, amount);
                String kind = notAccepted.get(row.line());
                if ("REJECTED".equals(kind)) {
                    add(rejected, stage + "_rejected", currency, amount);
                } else if ("DUPLICATE".equals(kind)) {
                    add(duplicate, stage + "_duplicate", currency, amount);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the rows of " + file + " again: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        return new SourceFile(rows, read, rejected, duplicate);
    }

    private static String currency(CsvRow row) {
        try {
            return row.currency("currency");
        } catch (RowRejectedException e) {
            return null;
        }
    }

    private static BigDecimal amount(CsvRow row, String column) {
        try {
            return row.decimal(column, Integer.MAX_VALUE);
        } catch (RowRejectedException e) {
            return null;
        }
    }

    private static void add(Map<String, ControlTotal> totals, String stage, String currency, BigDecimal amount) {
        totals.merge(currency, new ControlTotal(stage, currency, 1, amount),
                (a, b) -> new ControlTotal(stage, currency, a.rows() + 1, a.amount().add(b.amount())));
    }
}
