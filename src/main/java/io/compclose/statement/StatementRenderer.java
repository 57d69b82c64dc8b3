package io.compclose.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;

import io.compclose.core.plan.FiscalYear;
import io.compclose.system.Amounts;
import io.compclose.system.ReportTemplates;

/**
 * Renders a {@link StatementDocument} to PDF with {@code reports/statement.jrxml}.
 *
 * <p>Thread-safe: the compiled report is immutable and shared, while every fill and export gets its
 * own objects. All text is formatted here in a fixed US style, so a statement reads the same whatever
 * locale the server runs in.
 */
public final class StatementRenderer {

    private static final String TEMPLATE = "reports/statement.jrxml";

    private final ReportTemplates.OnFirstUse report = new ReportTemplates.OnFirstUse(TEMPLATE);
    private final StatementProperties.Employer employer;
    private final Supplier<FiscalYear> fiscal;

    public StatementRenderer() {
        this(StatementProperties.Employer.DEFAULT, () -> FiscalYear.CALENDAR);
    }

    /** @param fiscal the plan year the statement's "earlier in" names, read when a statement is rendered */
    public StatementRenderer(StatementProperties.Employer employer, Supplier<FiscalYear> fiscal) {
        this.employer = employer;
        this.fiscal = fiscal;
    }

    public byte[] render(StatementDocument doc) {
        return render(doc, null);
    }

    /**
     * @param password opens the PDF, or null for none: with one, the PDF is encrypted with AES-256
     *                 ({@link PdfEncryption})
     */
    public byte[] render(StatementDocument doc, String password) {
        return render(doc, password, false);
    }

    /** @param draft marks every page "DRAFT — not approved": what would go out if finance approved the close */
    public byte[] render(StatementDocument doc, String password, boolean draft) {
        String period = doc.period().describe();
        Map<String, Object> params = new HashMap<>();
        params.put("draft", draft);
        params.put("period", period);
        params.put("repId", doc.repId());
        params.put("employeeId", doc.employeeId());
        params.put("repName", doc.repName());
        params.put("role", doc.role());
        params.put("planId", doc.planId());
        params.put("planName", doc.planName());
        params.put("plans", doc.planPeriods().isEmpty() ? null : String.join("\n",
                doc.planPeriods().stream().map(p -> p.label(doc.period())).toList()));
        employer(params, doc);
        params.put("payCurrency", doc.payCurrency());
        params.put("payout", amount(doc.totalCommission()));
        params.put("bookingCount", doc.bookingCount());
        params.put("lineCount", doc.lines().size());
        // credit is in the pay currency: a deal booked in another currency is converted before it is credited
        params.put("totalCredited", withCurrency(doc.totalCredited(), doc.payCurrency()));
        params.put("calculationNote", doc.calculationNote());
        params.put("earnedSummary", (doc.bookingCount() == 0 ? "" : doc.bookingCount() + " credited booking"
                + (doc.bookingCount() == 1 ? "" : "s") + ", " + withCurrency(doc.totalCredited(), doc.payCurrency())
                + " credited. ") + "Earned this period " + amount(doc.earnedThisPeriod()) + " + earlier in "
                + fiscal.get().name(doc.period().month()) + " " + amount(doc.earnedBefore()) + " = earned to date "
                + amount(doc.earnedToDate()) + " " + doc.payCurrency() + ".");
        YearToDate ytd = doc.yearToDate();
        params.put("ytdEarned", amount(ytd.earnedToDate()));
        params.put("ytdPaidBefore", amount(ytd.paidBefore()));
        params.put("ytdCarried", amount(ytd.balanceCarried()));
        params.put("ytdBalances", balances(ytd, doc.payCurrency()));
        params.put("noLinesText", noLines(doc));
        params.put("anyQuota", doc.attainments().stream().anyMatch(a -> a.attainment() != null));
        params.put(JRParameter.REPORT_LOCALE, Locale.US);

        List<Map<String, ?>> rows = new java.util.ArrayList<>();
        StatementRevision revision = doc.revision();
        if (revision != null) {
            params.put("revisionTitle", "Revised statement: it replaces version " + revision.replacesVersion()
                    + " of " + revision.replacesRenderedAt().toLocalDate() + ". What changed:");
            List<String> changes = revision.changes().isEmpty()
                    ? List.of("the figures are the same; the statement was issued again") : revision.changes();
            changes.forEach(change -> rows.add(row("REVISION", "description", change)));
            // a revision's payroll file carries the difference: the total splits into what was paid and what is now
            params.put("revisionPay", "Of this total, already paid " + withCurrency(doc.alreadyPaid(), doc.payCurrency())
                    + ", paid now " + withCurrency(doc.totalCommission().subtract(doc.alreadyPaid()), doc.payCurrency()));
        }
        doc.attainments().forEach(a -> rows.add(attainmentRow(a)));
        if (doc.history().size() > 1) {
            doc.history().forEach(month -> rows.add(historyRow(month)));
        }
        earningRows(doc, rows);
        doc.caps().forEach(cap -> rows.add(row("CAP", "description", capLabel(cap.cap()), "quota",
                amount(cap.limit()), "commission", amount(cap.removed()))));
        doc.corrections().forEach(words -> rows.add(row("CORRECTION", "description", words)));
        doc.notPaid().forEach(words -> rows.add(row("NOTPAID", "description", words)));
        doc.payLines().forEach(line -> rows.add(row("PAY", "payCode", line.code(), "description", PayLineWhy.of(line, doc),
                "commission", amount(line.amount()))));
        try {
            byte[] pdf = ReportTemplates.pdf(report.report(), params, rows,
                    "Commission statement " + doc.period() + " " + doc.repId());
            return password == null ? pdf : PdfEncryption.aes256(pdf, password);
        } catch (JRException e) {
            throw new IllegalStateException(
                    "Cannot render the " + doc.period() + " statement for " + doc.repId(), e);
        }
    }

    /** Who pays, when, and whom to ask: from {@code compclose.statement.employer.*}. */
    private void employer(Map<String, Object> params, StatementDocument doc) {
        params.put("company", employer.company());
        params.put("logo", employer.logo() == null ? null : employer.logo().toString());
        params.put("payDate", employer.payDate(doc.period()));
        params.put("contact", employer.contact(doc.period(), doc.repId()));
    }

    /** Why a statement has no earning lines: a manager is paid on the team's credit rolled up to them. */
    private static String noLines(StatementDocument doc) {
        if (!"MANAGER".equals(doc.role())) {
            return "No credited bookings this period.";
        }
        return "No roll-up credit this period: no booking of your team was credited to you, so your plan "
                + (doc.planPeriods().isEmpty() ? doc.planId() : doc.planPeriods().get(doc.planPeriods().size() - 1)
                        .key()) + " earned nothing on it (its terms are under \"How this was calculated\").";
    }

    /**
     * The earning lines; when more than one plan version priced them, each run of lines under a heading that
     * names the version and the days it covered.
     */
    private static void earningRows(StatementDocument doc, List<Map<String, ?>> rows) {
        boolean severalPlans = doc.lines().stream().map(StatementLine::plan).distinct().count() > 1;
        String plan = null;
        for (StatementLine line : doc.lines()) {
            if (severalPlans && !java.util.Objects.equals(line.plan(), plan)) {
                plan = line.plan();
                String key = plan;
                rows.add(row("EARNED", "planHeading", "Priced by " + doc.planPeriods().stream()
                        .filter(p -> p.key().equals(key)).findFirst().map(p -> p.label(doc.period())).orElse(key)));
            }
            rows.add(row(line));
        }
    }

    /** A row of the statement's table in {@code section}, of the given fields: name, value, name, value, ... */
    private static Map<String, ?> row(String section, Object... fields) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", section);
        row.put("booking", false);
        for (int i = 0; i < fields.length; i += 2) {
            row.put((String) fields[i], fields[i + 1]);
        }
        return row;
    }

    private static Map<String, ?> row(StatementLine line) {
        return row("EARNED", "booking", line.isBooking(), "bookingId", line.bookingId(),
                "bookedOn", line.bookedOn() == null ? null : line.bookedOn().toString(),
                "accountName", line.accountName(), "type", line.type(), "product", line.product(),
                "description", line.description(), "acv", withCurrency(line.acv(), line.currency()),
                "creditShare", line.creditShare() == null ? null : percent(line.creditShare())
                        + (line.multiplier() == null || line.multiplier().compareTo(BigDecimal.ONE) == 0 ? ""
                                : " ×" + line.multiplier().stripTrailingZeros().toPlainString()),
                "credited", line.kind().equals("ATTAINMENT") ? percent(line.credited()) : amount(line.credited()),
                "rate", line.kind().equals("NOT_COUNTED") ? "-" : line.kind().equals("ATTAINMENT")
                        ? "×" + line.rate().stripTrailingZeros().toPlainString()
                        : line.perUnit() ? perUnit(line.rate()) : rate(line.rate()),
                "commission", amount(line.commission()));
    }

    private static Map<String, ?> attainmentRow(StatementAttainment a) {
        // counts (meetings, new logos) and scores read as numbers, not money; the bar is a picture of the
        // percentage beside it, so a double is precise enough
        return row("ATTAIN",
                "component", a.component() + (a.metric() == null || a.metric().isBlank() ? "" : ": " + a.metric()),
                "window", a.window(), "credited", a.money() ? amount(a.credit()) : number(a.credit()),
                "quota", a.quota() == null ? "no quota" : a.money() ? amount(a.quota()) : number(a.quota()),
                "attainment", percent(a.attainment() == null ? null
                        : a.attainment().setScale(4, RoundingMode.HALF_EVEN)),
                "attainmentBar", a.attainment() == null ? null : a.attainment().doubleValue(),
                "commission", amount(a.earned()));
    }

    /** A month of the year so far, in the attainment table's columns: the component's standing, and the month's pay. */
    private static Map<String, ?> historyRow(StatementMonth month) {
        StatementAttainment a = month.attainment();
        Map<String, Object> row = new HashMap<>(a == null ? row("HISTORY") : attainmentRow(a));
        row.put("section", "HISTORY");
        row.put("component", month.period() + (a == null ? "" : " · " + a.component()));
        row.put("commission", amount(month.payout()));
        return row;
    }

    /** The cap as the calculation names it ("period", "per deal B-17") as a rep reads it. */
    private static String capLabel(String cap) {
        return switch (cap) {
            case "period" -> "Commission per period";
            case "year to date" -> "Commission per year";
            default -> cap.startsWith("per deal ") ? "Commission per deal, on " + cap.substring(9)
                    : Character.toUpperCase(cap.charAt(0)) + cap.substring(1);
        };
    }

    /** What is held back or still to recover, when anything is: the parts of the balance not in the payout. */
    private static String balances(YearToDate ytd, String currency) {
        List<String> parts = new java.util.ArrayList<>();
        if (ytd.heldBack().signum() != 0) {
            parts.add("held back " + amount(ytd.heldBack()));
        }
        if (ytd.drawBalance().signum() != 0) {
            parts.add("draw advanced, to recover " + amount(ytd.drawBalance()));
        }
        if (ytd.clawbackBalance().signum() != 0) {
            parts.add("clawback to recover " + amount(ytd.clawbackBalance()));
        }
        return parts.isEmpty() ? null : "Also on your balance (" + currency + "): " + String.join(" · ", parts);
    }

    private static String withCurrency(BigDecimal value, String currency) {
        String amount = amount(value);
        return amount == null || currency == null || currency.isBlank() ? amount : amount + " " + currency;
    }

    private static String amount(BigDecimal value) {
        return Amounts.format(value);
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** 0.075 becomes "7.5 %": at most four decimals, no trailing zeros. */
    /**
     * A deal's rate: a plan's rate as written (8.125 %); a rate blended over bands (10,020.00 on 90,000.00 =
     * 11.1333... %) to two decimals, as the band line beneath it gives the exact rates.
     */
    public static String rate(BigDecimal fraction) {
        if (fraction == null || fraction.movePointRight(2).stripTrailingZeros().scale() <= 3) {
            return percent(fraction);
        }
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    /** A line paid per unit: its amount per unit, 55 is "55.00 per unit" (25 meetings paid 1,375.00). */
    public static String perUnit(BigDecimal amount) {
        return amount == null ? null : amount(amount) + " per unit";
    }

    private static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return null;
        }
        return fraction.movePointRight(2).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                + " %";
    }
}
