package io.compclose.statement;

import java.math.BigDecimal;

/** A cap that bit this period: its limit and what it removed (never paid). */
public record StatementCap(String cap, BigDecimal limit, BigDecimal removed) {
}
