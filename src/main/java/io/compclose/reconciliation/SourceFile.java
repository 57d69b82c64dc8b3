package io.compclose.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import io.compclose.intake.CsvRow;
import io.compclose.intake.RowRejectedException;

/**
 * An inbox file (or its database extract) read again, independently of intake: its rows and, per
 * currency, the money it carries, in all and on the lines intake rejected or counted as re-deliveries.
 * An amount counts where both the row's amount and its currency can be read (a plain decimal, an
 * upper-case ISO code); a row where either cannot (often the very reason it was rejected) counts in
 * rows only, so it is left out of both sides of the tie alike.
 *
 * @param read      per currency, the rows with a readable amount and their sum
 * @param rejected  the same, of the lines intake rejected
 * @param duplicate the same, of the lines intake counted once as identical re-deliveries
 */
record SourceFile(long rows, Map<String, ControlTotal> read, Map<String, ControlTotal> rejected,
        Map<String, ControlTotal> duplicate) {

    /**
     * @param notAccepted the kind of reject (REJECTED or DUPLICATE) of each line intake did not accept
     */
    static SourceFile read(AbstractItemCountingItemStreamItemReader<CsvRow> reader, String file, String amountColumn,
            Map<Long, String> notAccepted) {
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

    /** Per currency, what the file says against what intake accepted plus what it did not: the broken ties. */
    List<Tie> againstAccepted(String what, Map<String, ControlTotal> accepted) {
        Set<String> currencies = new TreeSet<>(read.keySet());
        currencies.addAll(accepted.keySet());
        currencies.addAll(rejected.keySet());
        currencies.addAll(duplicate.keySet());
        List<Tie> broken = new ArrayList<>();
        for (String currency : currencies) {
            BigDecimal a = ControlTotalRepository.amountOrZero(accepted.get(currency));
            BigDecimal r = ControlTotalRepository.amountOrZero(rejected.get(currency));
            BigDecimal d = ControlTotalRepository.amountOrZero(duplicate.get(currency));
            Tie tie = new Tie(currency, what + " read", ControlTotalRepository.amountOrZero(read.get(currency)),
                    "accepted " + Tie.figure(a) + " + rejected " + Tie.figure(r) + " + re-delivered " + Tie.figure(d)
                            + " =", a.add(r).add(d));
            if (!tie.holds()) {
                broken.add(tie);
            }
        }
        return broken;
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
