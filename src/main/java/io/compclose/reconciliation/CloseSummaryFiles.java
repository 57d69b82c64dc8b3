package io.compclose.reconciliation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperReport;

import io.compclose.system.Amounts;
import io.compclose.system.ReportTemplates;
import io.compclose.system.SpreadsheetSafe;

/** The close summary as a CSV (one line a row, plain numbers) and a PDF from {@code reports/close-summary.jrxml}. */
public final class CloseSummaryFiles {

    private static final String TEMPLATE = "reports/close-summary.jrxml";

    private final JasperReport report;

    public CloseSummaryFiles() {
        report = ReportTemplates.compile(TEMPLATE);
    }

    public static byte[] csv(List<CloseSummaryRepository.Row> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord("section", "item", "currency", "count", "amount", "detail");
            for (CloseSummaryRepository.Row row : rows) {
                csv.printRecord(row.section(), SpreadsheetSafe.text(row.item()), Objects.toString(row.currency(), ""),
                        row.count() == null ? "" : row.count(), row.amount() == null ? "" : plain(row.amount()),
                        SpreadsheetSafe.text(row.detail()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] pdf(String title, List<CloseSummaryRepository.Row> rows) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", title);
        params.put(JRParameter.REPORT_LOCALE, Locale.US);
        List<Map<String, ?>> data = rows.stream().<Map<String, ?>>map(row -> {
            Map<String, Object> m = new HashMap<>();
            m.put("section", row.section());
            m.put("item", row.item());
            m.put("currency", row.currency());
            m.put("count", row.count() == null ? null : String.format(Locale.US, "%,d", row.count()));
            m.put("amount", Amounts.format(row.amount()));
            m.put("detail", row.detail());
            return m;
        }).toList();
        try {
            return ReportTemplates.pdf(report, params, data, title);
        } catch (JRException e) {
            throw new IllegalStateException("Cannot render the close summary " + title, e);
        }
    }

    /** At least two decimals, and no trailing zeros beyond them: 1330241.9600 is 1330241.96. */
    private static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
}
