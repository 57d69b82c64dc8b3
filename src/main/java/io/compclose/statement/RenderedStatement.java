package io.compclose.statement;

import java.math.BigDecimal;
import java.util.List;

/** A rendered statement ready to be written: the PDF, the total it shows, and its figures. */
public record RenderedStatement(String repId, int version, byte[] pdf, BigDecimal total, String currency,
        List<StatementFigure> figures) {
}
