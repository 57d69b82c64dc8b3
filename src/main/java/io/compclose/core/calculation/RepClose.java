package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.List;

import io.compclose.core.money.Money;

/**
 * One rep's close of one period, as stored: every earning line with what produced it, the pay
 * lines payroll gets, what each cap removed, and the ledger the next period starts from.
 */
public record RepClose(String repId, String currency, String planId, int planVersion, List<Earning> earnings,
        List<Pay> pay, List<Cap> caps, List<Attainment> attainments, LedgerRow ledger) {

    public RepClose {
        earnings = List.copyOf(earnings);
        pay = List.copyOf(pay);
        caps = List.copyOf(caps);
        attainments = List.copyOf(attainments);
    }

    /**
     * Where a component stands in the window that holds the period: credit to date against its quota
     * ({@code quota} and {@code attainment} null without one), and what it has earned in the window.
     */
    public record Attainment(int lineNo, String planId, int planVersion, String componentId, String metric,
            boolean money, String window, BigDecimal credit, BigDecimal quota, BigDecimal attainment,
            Money earned) {
    }

    /**
     * A line of earned-to-date. {@code kind} is a {@link ComponentLine.Kind} or {@code NOT_COUNTED}
     * (a credit no component of the plan measures, shown with nothing earned rather than left out).
     */
    public record Earning(int lineNo, String planId, int planVersion, String componentId, String window, String kind,
            String sourceId, String sourcePeriod, BigDecimal credit, BigDecimal multiplier, String band,
            BigDecimal rate, Money amount, String why) {
    }

    public record Pay(int lineNo, EarningCode code, Money amount, String reference, String why) {
    }

    public record Cap(int lineNo, String cap, Money limit, Money removed) {
    }

    /** The settlement in figures: earned to date, due, carried, and the balances after the period. */
    public record LedgerRow(Money earnedToDate, Money due, Money carriedBalance, Ledger next, Money payout) {
    }
}
