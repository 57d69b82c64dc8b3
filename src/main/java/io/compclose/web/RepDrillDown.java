package io.compclose.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.compclose.core.plan.PayPeriod;
import io.compclose.system.Amounts;
import io.compclose.web.RepDrillDownRepository.Booking;
import io.compclose.web.RepDrillDownRepository.Credit;
import io.compclose.web.RepDrillDownRepository.EarningLine;
import io.compclose.web.RepDrillDownRepository.Figure;
import io.compclose.web.RepDrillDownRepository.PayLine;
import io.compclose.web.RepDrillDownRepository.Payout;
import io.compclose.web.RepDrillDownRepository.UsageMonth;

/**
 * One rep's pay of a period, each figure linked to what produced it: a payout to its pay lines, a commission pay line
 * to the earning lines whose sum is earned to date, an earning line to the credit it priced (or the usage or KPI rows
 * it measured), a credit to the booking row, file and line it came from. Links are anchors within the page.
 */
public record RepDrillDown(PayPeriod period, String repId, String name, List<PayoutRow> payouts,
        List<PayLineRow> payLines, List<EarningRow> earningLines, List<CreditRow> credits, List<Booking> bookings,
        List<UsageMonth> usage, List<Figure> figures) {

    /** A link within the page: where to, and what it says. */
    public record Link(String href, String label) {
    }

    public record PayoutRow(Payout payout, List<Link> lines) {

        public String amount() {
            return payout.currency() + " " + Amounts.format(payout.amount());
        }
    }

    public record PayLineRow(PayLine line, String anchor, List<Link> madeOf) {

        public String amount() {
            return line.currency() + " " + Amounts.format(line.amount());
        }
    }

    public record EarningRow(EarningLine line, String anchor, Link source) {
    }

    public record CreditRow(Credit credit, String anchor, Link source) {
    }

    /** Pay lines that settle commission to date: what they pay is earned to date, the sum of the earning lines. */
    private static final List<String> TRUE_UP = List.of("COMMISSION", "ACCELERATOR");

    static RepDrillDown of(PayPeriod period, String repId, String name, List<Payout> payouts, List<PayLine> payLines,
            List<EarningLine> earningLines, List<Credit> credits, List<Booking> bookings, List<UsageMonth> usage,
            List<Figure> figures) {
        List<PayoutRow> payoutRows = payouts.stream().map(p -> new PayoutRow(p, payLines.stream()
                .filter(l -> l.currency().equals(p.currency()))
                .map(l -> new Link("#" + payAnchor(l), "line " + l.lineNo() + " " + l.code())).toList())).toList();
        List<PayLineRow> payRows = payLines.stream().map(l -> new PayLineRow(l, payAnchor(l),
                madeOf(l, earningLines, credits, bookings, figures))).toList();
        List<EarningRow> earningRows = earningLines.stream().map(e -> new EarningRow(e, earningAnchor(e),
                source(e, credits, usage, figures))).toList();
        List<CreditRow> creditRows = credits.stream().map(c -> new CreditRow(c, creditAnchor(c.period(),
                c.bookingId()), bookings.stream().filter(b -> b.period().equals(c.period())
                        && b.bookingId().equals(c.bookingId())).findFirst()
                .map(b -> new Link("#" + bookingAnchor(b), b.file() + " line " + b.line())).orElse(null))).toList();
        return new RepDrillDown(period, repId, name, payoutRows, payRows, earningRows, creditRows, bookings, usage,
                figures);
    }

    /** What a pay line is made of: earned to date's earning lines, the booking it names, or the KPI rows. */
    private static List<Link> madeOf(PayLine line, List<EarningLine> earning, List<Credit> credits,
            List<Booking> bookings, List<Figure> figures) {
        List<Link> links = new ArrayList<>();
        if (line.reference() != null) {
            credits.stream().filter(c -> c.bookingId().equals(line.reference())).reduce((a, b) -> b)
                    .ifPresent(c -> links.add(new Link("#" + creditAnchor(c.period(), c.bookingId()),
                            "credit of " + c.bookingId() + " (" + c.period() + ")")));
            bookings.stream().filter(b -> b.bookingId().equals(line.reference())).reduce((a, b) -> b)
                    .ifPresent(b -> links.add(new Link("#" + bookingAnchor(b), b.bookingId() + ": " + b.file()
                            + " line " + b.line())));
        } else if (TRUE_UP.contains(line.code())) {
            List<EarningLine> mine = earning.stream().filter(e -> e.currency().equals(line.currency())).toList();
            BigDecimal earned = mine.stream().map(EarningLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            links.add(new Link("#earning-lines", "earned to date " + Amounts.format(earned) + " " + line.currency()
                    + " = " + mine.size() + " earning line" + (mine.size() == 1 ? "" : "s")));
        }
        if (links.isEmpty() && !figures.isEmpty()) {
            links.add(new Link("#figures", "the rep's KPI rows"));
        }
        return links;
    }

    /** The credit an earning line priced, or the usage or KPI rows it measured; null when it re-prices credit. */
    private static Link source(EarningLine e, List<Credit> credits, List<UsageMonth> usage, List<Figure> figures) {
        for (Credit c : credits) {
            if (c.period().equals(e.sourcePeriod()) && c.bookingId().equals(e.sourceId())) {
                return new Link("#" + creditAnchor(c.period(), c.bookingId()), "credit " + c.bookingId()
                        + " of " + c.period());
            }
        }
        for (UsageMonth u : usage) {
            if (u.usageMonth().equals(e.sourcePeriod()) && u.accountId().equals(e.sourceId())) {
                return new Link("#usage-" + u.accountId() + "-" + u.usageMonth(), "usage of " + u.accountId()
                        + " in " + u.usageMonth() + ": " + u.rows() + " usage.csv rows");
            }
        }
        if (e.kind().equals("ATTAINMENT") && !figures.isEmpty()) {
            return new Link("#figures", "KPI rows of " + e.sourceId());
        }
        return null;
    }

    static String payAnchor(PayLine line) {
        return "pay-" + line.lineNo();
    }

    static String earningAnchor(EarningLine line) {
        return "earning-" + line.lineNo();
    }

    static String creditAnchor(String period, String bookingId) {
        return "credit-" + period + "-" + bookingId;
    }

    static String bookingAnchor(Booking booking) {
        return "booking-" + booking.period() + "-" + booking.bookingId();
    }
}
