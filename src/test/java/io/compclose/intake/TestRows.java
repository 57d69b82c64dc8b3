package io.compclose.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link CsvRow} from one comma-separated line, as the reader would hand it over. */
final class TestRows {

    private TestRows() {
    }

    static CsvRow row(String file, List<String> columns, long line, String csv) {
        String[] cells = csv.split(",", -1);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), i < cells.length ? cells[i] : "");
        }
        return new CsvRow(file, line, values, csv, null);
    }
}
