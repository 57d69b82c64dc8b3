package io.compclose.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The close summary CSV as a machine reads it: each row by column name, only the columns it fills. */
public record SummaryCsv(List<String> header, List<Map<String, String>> rows) {

    public static SummaryCsv read(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            List<Map<String, String>> rows = new ArrayList<>();
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                record.toMap().forEach((column, value) -> {
                    if (!value.isEmpty()) {
                        row.put(column, value);
                    }
                });
                rows.add(row);
            }
            return new SummaryCsv(parser.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a section, in order, keyed by column and without the section itself. */
    public List<Map<String, String>> section(String title) {
        return rows.stream().filter(r -> title.equals(r.get("section"))).map(r -> {
            Map<String, String> row = new LinkedHashMap<>(r);
            row.remove("section");
            return row;
        }).toList();
    }

    /** The one row of a section with this item and currency ('' for none). */
    public Map<String, String> row(String section, String item, String currency) {
        List<Map<String, String>> found = section(section).stream()
                .filter(r -> item.equals(r.get("item")) && currency.equals(r.getOrDefault("currency", ""))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows " + section + "/" + item + "/" + currency + " in " + rows);
        }
        return found.get(0);
    }
}
