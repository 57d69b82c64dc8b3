package io.compclose.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Whole files of {@link ValidInbox} broken or varied: variations the input contract allows (a BOM,
 * other line endings, columns in another order, an unknown column, ...) that must change nothing, and
 * breakages that stop the close with exit code 2 and one line naming the file (an empty file, a
 * missing or repeated column, bytes that are not UTF-8, an unbalanced quote, a cut quoted cell, an
 * Excel workbook or UTF-16 text saved as .csv, a required file absent, a binary plan file).
 * Deterministic: the same seed gives the same bytes.
 */
final class BrokenFiles {

    static final long SEED = 20261101L;

    /** A variation of a whole file the contract allows: the close must read the same rows from it. */
    enum Variant {
        BOM, CRLF, CR_ONLY, COLUMNS_REVERSED, UNKNOWN_COLUMN, HEADER_UPPER_CASE, NO_FINAL_LINE_BREAK, BLANK_LINES,
        EVERY_CELL_QUOTED, TRAILING_COMMA, CELLS_PADDED
    }

    /** A breakage of a whole file that stops the close. */
    enum Fatal {
        EMPTY, MISSING_COLUMN, REPEATED_COLUMN, NOT_UTF8, UNBALANCED_QUOTE, CUT_INSIDE_QUOTES, WORKBOOK, UTF16, SEMICOLONS
    }

    /**
     * One file broken so that the close must stop, and the first line it must print on stderr.
     *
     * @param content the file's bytes, null for no file at all
     */
    record FatalFile(String file, String kind, byte[] content, String firstLine) {

        @Override
        public String toString() {
            return file + ": " + kind;
        }
    }

    private BrokenFiles() {
    }

    /**
     * The variants each file gets in each of two closes: every variant of every file once, half of them
     * in each close, stacked. CRLF and CR_ONLY, adjacent, never land in the same close.
     */
    static List<Map<String, Set<Variant>>> variantCloses() {
        List<Map<String, Set<Variant>>> closes = new ArrayList<>();
        for (int close = 0; close < 2; close++) {
            Map<String, Set<Variant>> files = new LinkedHashMap<>();
            int f = 0;
            for (String file : ValidInbox.FILES.keySet()) {
                Set<Variant> variants = EnumSet.noneOf(Variant.class);
                for (Variant variant : Variant.values()) {
                    if ((variant.ordinal() + f) % 2 == close) {
                        variants.add(variant);
                    }
                }
                files.put(file, variants);
                f++;
            }
            closes.add(files);
        }
        return closes;
    }

    /** The valid file's header line alone: a file without rows. */
    static byte[] headerOnly(String file) {
        return utf8(String.join(",", ValidInbox.header(file)) + "\n");
    }

    /** The valid file with the variants applied together. */
    static byte[] vary(String file, Set<Variant> variants) {
        List<String> header = new ArrayList<>(ValidInbox.header(file));
        List<List<String>> rows = new ArrayList<>();
        ValidInbox.rows(file).forEach(row -> rows.add(new ArrayList<>(row)));
        if (variants.contains(Variant.UNKNOWN_COLUMN)) {
            header.add(1, "note");
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).add(1, BrokenRows.FORMULAS.get(i % BrokenRows.FORMULAS.size()));
            }
        }
        if (variants.contains(Variant.COLUMNS_REVERSED)) {
            java.util.Collections.reverse(header);
            rows.forEach(java.util.Collections::reverse);
        }
        if (variants.contains(Variant.HEADER_UPPER_CASE)) {
            header.replaceAll(name -> name.toUpperCase(Locale.ROOT));
        }
        if (variants.contains(Variant.TRAILING_COMMA)) {
            header.add("");
            rows.forEach(row -> row.add(""));
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(header, variants));
        for (List<String> row : rows) {
            if (variants.contains(Variant.BLANK_LINES)) {
                lines.add("");
            }
            lines.add(line(row, variants));
        }
        if (variants.contains(Variant.BLANK_LINES)) {
            lines.add("");
            lines.add("");
        }
        String eol = variants.contains(Variant.CRLF) ? "\r\n" : variants.contains(Variant.CR_ONLY) ? "\r" : "\n";
        String text = String.join(eol, lines) + (variants.contains(Variant.NO_FINAL_LINE_BREAK) ? "" : eol);
        return concat(variants.contains(Variant.BOM) ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                : new byte[0], text.getBytes(StandardCharsets.UTF_8));
    }

    private static String line(List<String> cells, Set<Variant> variants) {
        List<String> out = new ArrayList<>();
        for (String cell : cells) {
            String padded = variants.contains(Variant.CELLS_PADDED) ? " " + cell + " " : cell;
            out.add(variants.contains(Variant.EVERY_CELL_QUOTED) ? "\"" + padded.replace("\"", "\"\"") + "\""
                    : padded);
        }
        // a formula payload in the unknown column has quotes and commas: quote what needs it
        return variants.contains(Variant.EVERY_CELL_QUOTED) ? String.join(",", out) : BrokenRows.csv(out);
    }

    /**
     * Each fatal breakage once, each in another file (chosen by the seed), and the required files absent,
     * in the order the close reads the files. Every file goes through the same reader, so one file a
     * breakage is enough; a run per breakage and file would only repeat it.
     */
    static List<FatalFile> fatal() {
        Random random = new Random(SEED);
        List<String> files = new ArrayList<>(ValidInbox.FILES.keySet());
        java.util.Collections.shuffle(files, random);
        Map<String, Fatal> kinds = new java.util.HashMap<>();
        for (Fatal kind : Fatal.values()) {
            kinds.put(files.get(kind.ordinal()), kind);
        }
        List<FatalFile> cases = new ArrayList<>();
        cases.add(new FatalFile("plans/plans.yaml", "a binary plan file", binary(random, 512),
                "compclose: plans/: plans.yaml: not valid UTF-8 (save the file as UTF-8)"));
        cases.addAll(planTypos());
        for (String file : ValidInbox.FILES.keySet()) {
            if (file.equals("reps.csv") || file.equals("bookings.csv")) {
                cases.add(new FatalFile(file, "required file absent", null, "compclose: " + file
                        + ": required file not found in "));
                // a cut export: a required file without a row stops the close before anything is paid
                boolean reps = file.equals("reps.csv");
                cases.add(new FatalFile(file, "only a header", headerOnly(file), "compclose: " + file + " has no "
                        + "rows, only its header (a cut export?): " + (reps ? "nobody" : "nothing") + " would be paid "
                        + "for " + ValidInbox.PERIOD + ". Fix the file and run the same command again"
                        + (reps ? "" : "; for a month without bookings, run it with --allow-empty=bookings")));
            }
            if (file.equals("bookings.csv")) {
                cases.add(strayQuote(file));
            }
            if (kinds.containsKey(file)) {
                cases.add(fatal(file, kinds.get(file), random));
            }
        }
        return cases;
    }

    /** Plan typos the loader refuses, each with the line naming file, plan and field (rate: 9 paid 53 times over). */
    private static List<FatalFile> planTypos() {
        String component = "{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}";
        String prefix = "compclose: plans/: plans.yaml: plan AE-2026: components";
        return List.of(
                planTypo("rate 9 for 0.09", component.replace("0.10", "9"), prefix + "[0].rate: 9 is above 1 (100 %)"),
                planTypo("credit multiplier 50", component.replace("}", ", credit_multipliers: [{when: \"type == "
                        + "'UPSELL'\", factor: 50}]}"), prefix + "[0].credit_multipliers[0].factor: 50 is a multiplier "
                        + "above 5"),
                planTypo("quota 0", component.replace("}", ", quota: 0}"), prefix + "[0].quota: must be above zero"),
                new FatalFile("plans/plans.yaml", "components: []", utf8(ValidInbox.PLANS.replaceFirst(
                        "\\[" + java.util.regex.Pattern.quote(component) + "]", "[]")),
                        prefix + ": at least one component is required, the list is empty"));
    }

    private static FatalFile planTypo(String kind, String component, String firstLine) {
        return new FatalFile("plans/plans.yaml", kind, utf8(ValidInbox.PLANS.replaceFirst(
                java.util.regex.Pattern.quote("{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}"),
                java.util.regex.Matcher.quoteReplacement(component))), firstLine);
    }

    private static FatalFile fatal(String file, Fatal kind, Random random) {
        String valid = ValidInbox.FILES.get(file);
        List<String> lines = valid.lines().toList();
        List<String> header = ValidInbox.header(file);
        String prefix = "compclose: " + file + ": ";
        return switch (kind) {
            case EMPTY -> new FatalFile(file, "empty file (0 bytes)", new byte[0],
                    prefix + "the file is empty; a header row is required");
            case MISSING_COLUMN -> {
                List<String> required = requiredColumns(file);
                String dropped = required.get(random.nextInt(required.size()));
                int at = header.indexOf(dropped);
                StringBuilder text = new StringBuilder();
                for (String line : lines) {
                    List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
                    cells.remove(at);
                    text.append(String.join(",", cells)).append('\n');
                }
                List<String> left = new ArrayList<>(header);
                left.remove(at);
                yield new FatalFile(file, "required column " + dropped + " missing", utf8(text.toString()),
                        prefix + "missing required column " + dropped + " (the header has: " + String.join(", ", left)
                                + ")");
            }
            case REPEATED_COLUMN -> {
                String repeated = header.get(random.nextInt(header.size()));
                StringBuilder text = new StringBuilder();
                for (String line : lines) {
                    List<String> cells = List.of(line.split(",", -1));
                    text.append(line).append(',').append(cells.get(header.indexOf(repeated))).append('\n');
                }
                yield new FatalFile(file, "column " + repeated + " twice in the header", utf8(text.toString()),
                        prefix + "column " + repeated + " appears more than once in the header");
            }
            case NOT_UTF8 -> {
                // a row saved as Windows-1252 among UTF-8 ones: 'ü' as the single byte 0xFC
                int line = 2 + random.nextInt(lines.size() - 1);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (int i = 0; i < lines.size(); i++) {
                    String text = lines.get(i);
                    if (i + 1 == line) {
                        int comma = text.indexOf(',');
                        bytes.writeBytes(utf8(text.substring(0, comma)));
                        bytes.write(0xFC);
                        bytes.writeBytes(utf8(text.substring(comma)));
                    } else {
                        bytes.writeBytes(utf8(text));
                    }
                    bytes.write('\n');
                }
                yield new FatalFile(file, "line " + line + " in Windows-1252", bytes.toByteArray(),
                        prefix + "line " + line + " is not valid UTF-8: it looks like Windows-1252 text (byte 0xFC, "
                                + "'ü'). Save it as 'CSV UTF-8 (comma delimited)'");
            }
            case UNBALANCED_QUOTE -> {
                // a quote opened in the first row's second cell and never closed: the rest of the file is one cell
                StringBuilder text = new StringBuilder(lines.get(0)).append('\n');
                int comma = lines.get(1).indexOf(',');
                text.append(lines.get(1), 0, comma + 1).append('"').append(lines.get(1).substring(comma + 1))
                        .append('\n');
                lines.stream().skip(2).forEach(line -> text.append(line).append('\n'));
                yield new FatalFile(file, "unbalanced quote on line 2", utf8(text.toString()),
                        prefix + "line 2 opens a quoted cell that is never closed");
            }
            case CUT_INSIDE_QUOTES -> {
                // the transfer stopped inside a quoted cell of an extra last row
                String last = lines.get(lines.size() - 1);
                int comma = last.indexOf(',');
                String cut = valid + last.substring(0, comma + 1) + "\"" + last.substring(comma + 1, comma + 2);
                yield new FatalFile(file, "cut inside a quoted cell on line " + (lines.size() + 1), utf8(cut),
                        prefix + "line " + (lines.size() + 1) + " opens a quoted cell that is never closed");
            }
            case WORKBOOK -> new FatalFile(file, "an Excel workbook (ZIP bytes)", binary(random, 2048),
                    prefix + "is a ZIP archive (an Excel workbook?), not CSV text: save it as CSV UTF-8");
            case UTF16 -> new FatalFile(file, "saved as UTF-16 (Excel's Unicode Text)",
                    concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, valid.getBytes(StandardCharsets.UTF_16LE)),
                    prefix + "is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8: save it as CSV UTF-8");
            case SEMICOLONS -> new FatalFile(file, "saved with ';' between columns", utf8(valid.replace(',', ';')),
                    "compclose: " + file + " has its columns separated by ';', not commas. Save it as "
                            + "'CSV UTF-8 (comma delimited)' and deliver it again");
        };
    }

    /**
     * A quote opened at the start of line 3's account name and closed by one inside line 6's: the parser
     * gives up on line 6, but the quote to remove is on line 3.
     */
    private static FatalFile strayQuote(String file) {
        List<String> lines = new ArrayList<>(ValidInbox.FILES.get(file).lines().toList());
        lines.set(2, lines.get(2).replace(",Bolt,", ",\"Bolt,"));
        lines.set(5, lines.get(5).replace(",Echo,", ",Ec\"ho,"));
        return new FatalFile(file, "a stray quote on line 3, closed on line 6", utf8(String.join("\n", lines) + "\n"),
                "compclose: " + file + ": line 3 has a stray quote (\"): it opens a quoted cell that the next quote, "
                        + "on line 6, closes with more text after it, before the next comma. Put the whole cell in "
                        + "quotes and double each quote inside it (\"Acme \"\"Big\"\" Co\"), or remove the stray "
                        + "quote");
    }

    /** What an .xlsx saved under a .csv name starts with: the ZIP signature, then compressed bytes. */
    private static byte[] binary(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

    private static List<String> requiredColumns(String file) {
        return java.util.stream.Stream.of(CsvFileSpec.REPS, CsvFileSpec.BOOKINGS, CsvFileSpec.SPLITS,
                        CsvFileSpec.CANCELLATIONS, CsvFileSpec.KPIS, CsvFileSpec.ACTIVITIES, CsvFileSpec.FX_RATES,
                        CsvFileSpec.ACCOUNT_OWNERS, CsvFileSpec.USAGE, CsvFileSpec.ADJUSTMENTS)
                .filter(spec -> spec.fileName().equals(file)).findFirst().orElseThrow().requiredColumns();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
