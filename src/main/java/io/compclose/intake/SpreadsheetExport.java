package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a CSV file saved by a spreadsheet in a European locale: columns separated by ';' (where ','
 * is the decimal mark), amounts like 1.234,56, and Windows-1252 text. Read as a comma-separated file it
 * would fail with a missing column, or a line that is not UTF-8; the one message that says what the file
 * is, and how to save it, is what its sender can act on.
 */
final class SpreadsheetExport {

    static final String SAVE_AS = "Save it as 'CSV UTF-8 (comma delimited)'";

    /** A cell that is a number with a decimal comma, e.g. 1.234,56 or 99,5, quoted or not. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("(^|;)\"?-?\\d{1,3}(\\.\\d{3})*,\\d+\"?(;|$)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SpreadsheetExport() {
    }

    /**
     * Refuses a file whose header is separated by ';' instead of commas, saying what else gives it away.
     *
     * @param start the file's first bytes (after a byte order mark), as many as were at hand
     */
    static void refuseSemicolons(byte[] start, CsvFileSpec spec) {
        String[] lines = WINDOWS_1252.decode(ByteBuffer.wrap(start)).toString().split("\r?\n", -1);
        String header = lines[0].toLowerCase(Locale.ROOT);
        if (!separatedBySemicolons(header, spec)) {
            return;
        }
        List<String> found = new ArrayList<>(List.of("columns separated by ';'"));
        for (int i = 1; i < lines.length - 1; i++) {
            if (DECIMAL_COMMA.matcher(lines[i]).find()) {
                found.add("decimal commas (1.234,56; line " + (i + 1) + ")");
                break;
            }
        }
        int windows1252 = windows1252At(start);
        if (windows1252 >= 0) {
            found.add("Windows-1252 text (" + windows1252Byte(start) + " on line " + lineOf(start, windows1252) + ")");
        }
        throw new BadInputException(spec.fileName() + (found.size() > 1
                ? " looks like a European Excel export: " + String.join(", ", found)
                : " has its columns separated by ';', not commas") + ". " + SAVE_AS + " and deliver it again");
    }

    /** More of the file's columns are named when the header is cut at ';' than at ','. */
    private static boolean separatedBySemicolons(String header, CsvFileSpec spec) {
        return header.contains(";") && named(header.split(";"), spec) > named(header.split(","), spec);
    }

    private static long named(String[] cells, CsvFileSpec spec) {
        return java.util.Arrays.stream(cells).map(c -> c.strip().replace("\"", "")).filter(spec::knows).count();
    }

    /**
     * The first byte that is not UTF-8 but a Windows-1252 letter, described ({@code byte 0xE9, 'é'}), or null.
     * A character cut off at the end of {@code bytes} is not counted.
     */
    static String windows1252Byte(byte[] bytes) {
        int at = windows1252At(bytes);
        return at < 0 ? null : String.format(Locale.ROOT, "byte 0x%02X, '%c'", bytes[at] & 0xff, windows1252(bytes, at));
    }

    private static int windows1252At(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (!utf8.decode(in, CharBuffer.allocate(bytes.length), false).isError()) {
            return -1;
        }
        char shown = windows1252(bytes, in.position());
        return Character.isLetter(shown) || "€£–—‘’“”".indexOf(shown) >= 0 ? in.position() : -1;
    }

    private static char windows1252(byte[] bytes, int at) {
        return WINDOWS_1252.decode(ByteBuffer.wrap(bytes, at, 1)).charAt(0);
    }

    private static long lineOf(byte[] bytes, int at) {
        long line = 1;
        for (int i = 0; i < at; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}
