package io.compclose.statement;

import java.math.BigDecimal;

/** A rendered statement ready to be written: the PDF and the total it shows. */
public record RenderedStatement(String repId, int version, byte[] pdf, BigDecimal total, String currency) {
}
