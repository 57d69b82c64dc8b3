package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams an inbox CSV file as {@link CsvRow}s. The header is matched by name, case-insensitively
 * and in any order; a missing required column stops the close before any row is read. Restart
 * skips the records already committed (the item count is kept in the step's context).
 */
public class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private static final Logger log = LoggerFactory.getLogger(CsvRowReader.class);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    /** How Commons CSV says a quoted cell runs to the end of the file, and where it opened. */
    private static final Pattern UNCLOSED_QUOTE = Pattern.compile(
            "\\(startline (\\d+)\\) EOF reached before encapsulated token finished");
    /** How Commons CSV says text follows a quoted cell's closing quote, and on which line that quote is. */
    private static final Pattern TEXT_AFTER_QUOTE = Pattern.compile(
            "Invalid character between encapsulated token and delimiter at line: (\\d+)");

    /** How much of a file's start is looked at to tell a spreadsheet's export: the header and some rows. */
    private static final int HEADER_SAMPLE = 64 * 1024;

    private final Path file;
    private final CsvFileSpec spec;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<String> header;
    /** The physical line the last record read ended on: the next record starts after it. */
    private long lastEndLine;

    public CsvRowReader(Path inbox, CsvFileSpec spec) {
        this.file = inbox.resolve(spec.fileName());
        this.spec = spec;
        setName(spec.fileName());
    }

    @Override
    protected void doOpen() throws Exception {
        if (!Files.isRegularFile(file)) {
            if (spec.required()) {
                throw new BadInputException(spec.fileName() + ": required file not found in " + file.getParent());
            }
            return;
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        try {
            TextSignature.checkStart(in, spec.fileName());
            in.mark(HEADER_SAMPLE);
            byte[] start = in.readNBytes(HEADER_SAMPLE);
            in.reset();
            SpreadsheetExport.refuseSemicolons(start, spec);
        } catch (BadInputException | IOException e) {
            in.close();
            throw e;
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        parser = FORMAT.parse(reader);
        records = parser.iterator();
        if (!hasNextRecord()) {
            throw new BadInputException(spec.fileName() + ": the file is empty; a header row is required");
        }
        header = readHeader(nextRecord());
        lastEndLine = parser.getCurrentLineNumber();
    }

    private List<String> readHeader(CSVRecord record) {
        List<String> names = new ArrayList<>();
        for (String cell : record) {
            names.add(cell.trim().toLowerCase(Locale.ROOT));
        }
        List<String> missing = spec.requiredColumns().stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new BadInputException(spec.fileName() + ": missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (the header has: " + String.join(", ", names) + ")");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String name : names) {
            if (seen.merge(name, 1, Integer::sum) == 2) {
                throw new BadInputException(spec.fileName() + ": column " + name + " appears more than once in the header");
            }
        }
        List<String> unknown = names.stream().filter(n -> !n.isEmpty() && !spec.knows(n)).toList();
        if (!unknown.isEmpty()) {
            log.warn("{}: ignoring unknown column(s) {}", spec.fileName(), String.join(", ", unknown));
        }
        return names;
    }

    @Override
    protected CsvRow doRead() {
        if (records == null || !hasNextRecord()) {
            return null;
        }
        CSVRecord record = nextRecord();
        long endLine = parser.getCurrentLineNumber();
        lastEndLine = endLine;
        Map<String, String> values = new LinkedHashMap<>(2 * header.size());
        StringBuilder raw = new StringBuilder();
        long embeddedLineBreaks = 0;
        for (int i = 0; i < record.size(); i++) {
            String cell = record.get(i);
            // counted as the parser counts lines: CR, LF, and CR LF as one
            for (int at = 0; at < cell.length(); at++) {
                char c = cell.charAt(at);
                if (c == '\r' || c == '\n' && (at == 0 || cell.charAt(at - 1) != '\r')) {
                    embeddedLineBreaks++;
                }
            }
            if (i < header.size()) {
                values.put(header.get(i), cell);
            }
            if (i > 0) {
                raw.append(',');
            }
            raw.append(cell);
        }
        CsvRow.Problem problem = record.size() == header.size() ? spec.problem(values)
                : CsvRow.Problem.shape("has " + record.size() + " cells but the header has " + header.size(),
                        raw.toString());
        return new CsvRow(spec.fileName(), endLine - embeddedLineBreaks, values, raw.toString(), problem);
    }

    /**
     * Counts the records not read yet, as many as {@link #read} would give, parsed alike but without
     * building rows: reconciliation counts a 5M-row file again in seconds instead of half a minute.
     */
    public long countRemaining() {
        long count = 0;
        while (records != null && hasNextRecord()) {
            nextRecord();
            lastEndLine = parser.getCurrentLineNumber();
            count++;
        }
        return count;
    }

    private boolean hasNextRecord() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    private CSVRecord nextRecord() {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /**
     * The file's fault in its own words. The decoder's and parser's messages ("Input length = 1") mean
     * nothing to the person who fixes the file, so they are left to the log.
     */
    private BadInputException unreadable(UncheckedIOException e) {
        log.info("{} cannot be read", spec.fileName(), e);
        if (e.getCause() instanceof CharacterCodingException) {
            try {
                Utf8Lines.InvalidLine line = Utf8Lines.firstInvalidLine(file);
                String windows1252 = SpreadsheetExport.windows1252Byte(line.bytes());
                return new BadInputException(spec.fileName() + ": line " + line.number() + " is not valid UTF-8"
                        + (windows1252 == null ? " (save the file as UTF-8)"
                                : ": it looks like Windows-1252 text (" + windows1252
                                        + "). " + SpreadsheetExport.SAVE_AS));
            } catch (IOException rescanFailed) {
                return new BadInputException(spec.fileName() + ": the file is not valid UTF-8");
            }
        }
        Matcher unclosed = UNCLOSED_QUOTE.matcher(String.valueOf(e.getCause().getMessage()));
        if (unclosed.find()) {
            return new BadInputException(spec.fileName() + ": line " + unclosed.group(1) + " opens a quoted cell "
                    + "that is never closed: the rest of the file would be one cell (a stray quote, or a cut file?)");
        }
        // the parser names the line where it gave up; the fault is in the record it was reading, which
        // starts on the line after the last record read (a stray quote on line 6 is found on line 10)
        long opened = lastEndLine + 1;
        Matcher afterQuote = TEXT_AFTER_QUOTE.matcher(String.valueOf(e.getCause().getMessage()));
        if (afterQuote.find()) {
            long closed = Long.parseLong(afterQuote.group(1));
            return new BadInputException(spec.fileName() + ": line " + opened + " has a stray quote (\"): "
                    + (closed > opened ? "it opens a quoted cell that the next quote, on line " + closed + ", closes"
                            : "a quoted cell closes")
                    + " with more text after it, before the next comma. Put the whole cell in quotes and double "
                    + "each quote inside it (\"Acme \"\"Big\"\" Co\"), or remove the stray quote");
        }
        return new BadInputException(spec.fileName() + ": line " + opened + " cannot be read as CSV: check its "
                + "quotes (a cell with a quote, comma or line break is put in quotes, its quotes doubled)", e);
    }

    @Override
    protected void doClose() throws IOException {
        if (parser != null) {
            parser.close();
        }
        parser = null;
        records = null;
    }
}
