package io.compclose.system;

/** Free text stored in a bounded column: cut with an ellipsis, rather than failing the write. */
public final class ColumnText {

    private ColumnText() {
    }

    public static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
