package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * What a file's first bytes say it is. A UTF-8 byte order mark is skipped before the CSV parser sees
 * it, so that a quoted first header cell is still read as quoted. A spreadsheet workbook or UTF-16
 * text saved under a .csv name is refused by what it is, which says more than "not valid UTF-8".
 */
final class TextSignature {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] UTF16_LE = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16_BE = {(byte) 0xFE, (byte) 0xFF};

    private TextSignature() {
    }

    /**
     * Reads past a UTF-8 BOM, or refuses a file that is not text.
     *
     * @param in a stream that supports mark and reset, at the start of the file
     */
    static void checkStart(InputStream in, String fileName) throws IOException {
        in.mark(ZIP.length);
        byte[] start = in.readNBytes(ZIP.length);
        if (startsWith(start, ZIP)) {
            throw new BadInputException(fileName + ": is a ZIP archive (an Excel workbook?), not CSV text: "
                    + "save it as CSV UTF-8");
        }
        if (startsWith(start, OLE2)) {
            throw new BadInputException(fileName + ": is an Excel 97-2003 workbook, not CSV text: save it as CSV UTF-8");
        }
        if (startsWith(start, UTF16_LE) || startsWith(start, UTF16_BE)) {
            throw new BadInputException(fileName + ": is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8: "
                    + "save it as CSV UTF-8");
        }
        in.reset();
        if (startsWith(start, UTF8_BOM)) {
            in.skipNBytes(UTF8_BOM.length);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
