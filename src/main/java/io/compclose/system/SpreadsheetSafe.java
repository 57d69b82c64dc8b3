package io.compclose.system;

/**
 * Neutralises text cells against spreadsheet formula injection: a cell that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so a spreadsheet
 * shows it as text instead of running it. Amount cells are written as numbers and never pass here.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
