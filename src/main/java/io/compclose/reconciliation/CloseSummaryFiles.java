package io.compclose.reconciliation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;

import io.compclose.system.Amounts;
import io.compclose.system.ReportTemplates;
import io.compclose.system.SpreadsheetSafe;

/** The close summary as a CSV (one line a row, plain numbers) and a PDF from {@code reports/close-summary.jrxml}. */
public final class CloseSummaryFiles {

    private static final String TEMPLATE = "reports/close-summary.jrxml";

    /** The most figures a section has. */
    private static final int SLOTS = 6;

    private final ReportTemplates.OnFirstUse report = new ReportTemplates.OnFirstUse(TEMPLATE);

    /** One line a row: section, item (the key), label, currency, every section's figures by name, detail. */
    public static byte[] csv(List<CloseSummaryRepository.Row> rows) {
        List<String> columns = SummarySection.FIGURE_COLUMNS;
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            List<String> header = new ArrayList<>(List.of("section", "item", "label", "currency"));
            header.addAll(columns);
            header.add("detail");
            csv.printRecord(header);
            for (CloseSummaryRepository.Row row : rows) {
                List<String> record = new ArrayList<>(List.of(row.section().title(), SpreadsheetSafe.text(row.item()),
                        SpreadsheetSafe.text(Objects.toString(row.label(), "")), Objects.toString(row.currency(), "")));
                String[] figures = new String[columns.size()];
                Arrays.fill(figures, "");
                List<SummarySection.Figure> named = row.section().figures();
                for (int i = 0; i < row.figures().size(); i++) {
                    Object figure = row.figures().get(i);
                    figures[columns.indexOf(named.get(i).column())] = figure == null ? ""
                            : figure instanceof BigDecimal amount ? plain(amount) : figure.toString();
                }
                record.addAll(List.of(figures));
                record.add(SpreadsheetSafe.text(Objects.toString(row.detail(), "")));
                csv.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The PDF; a draft says so on every page. */
    public byte[] pdf(String title, boolean draft, List<CloseSummaryRepository.Row> rows) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", title);
        params.put("draft", draft);
        params.put(JRParameter.REPORT_LOCALE, Locale.US);
        List<Map<String, ?>> data = rows.stream().<Map<String, ?>>map(CloseSummaryFiles::fields).toList();
        try {
            return ReportTemplates.pdf(report.report(), params, data, title);
        } catch (JRException e) {
            throw new IllegalStateException("Cannot render the close summary " + title, e);
        }
    }

    /** A row as the template's fields: the section's headings beside the figures, formatted for people. */
    private static Map<String, Object> fields(CloseSummaryRepository.Row row) {
        SummarySection section = row.section();
        Map<String, Object> m = new HashMap<>();
        m.put("section", section.title());
        m.put("newPage", section.startsPage());
        boolean none = row.item().equals("none") && row.figures().isEmpty();
        m.put("layout", none ? SummarySection.Layout.LINE.name()
                : section.layout() == SummarySection.Layout.TABLE && section.figures().size() <= 3 ? "SHORT"
                : section.layout().name());
        m.put("text", none ? "none" : row.label() == null ? row.item() : row.label());
        m.put("currency", row.currency());
        for (int i = 0; i < SLOTS; i++) {
            m.put("h" + (i + 1), i < section.figures().size() ? section.figures().get(i).heading() : null);
            m.put("v" + (i + 1), i < row.figures().size() ? formatted(row.figures().get(i)) : null);
        }
        m.put("detail", row.detail());
        return m;
    }

    private static String formatted(Object figure) {
        return figure instanceof BigDecimal amount ? Amounts.format(amount)
                : figure == null ? null : String.format(Locale.US, "%,d", (Long) figure);
    }

    /** At least two decimals, and no trailing zeros beyond them: 1330241.9600 is 1330241.96. */
    private static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
}
