package io.compclose.statement;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.compclose.system.Amounts;

/**
 * A pay line's reason as the statement prints it: amounts grouped like every other figure
 * (53,635.96, not 53635.96), and the commission true-up written out to the line's own amount, so
 * what the reason adds up to is what the line pays (a period cap or a correction paid on a line of
 * its own takes its part out in words).
 */
final class PayLineWhy {

    /** A plain amount of four or more digits before the point, as the settlement writes them. */
    private static final Pattern PLAIN = Pattern.compile("(?<![\\d.,])-?\\d{4,}\\.\\d{2}(?![\\d])");
    private static final Pattern TRUE_UP = Pattern.compile("earned to date (-?[\\d.]+) − paid (-?[\\d.]+)(.*)");
    private static final Pattern PAID_BELOW = Pattern.compile("; of which (-?[\\d.]+) is paid below as a correction");
    private static final Pattern DEDUCTED_BELOW = Pattern.compile("; a correction of (-?[\\d.]+) is deducted below");
    private static final Pattern ACCELERATOR = Pattern.compile("; of which (-?[\\d.]+) is paid as ACCELERATOR");
    private static final Pattern ACCELERATOR_BACK = Pattern.compile("; with (-?[\\d.]+) paid as ACCELERATOR before");

    private PayLineWhy() {
    }

    static String of(StatementPayLine line, StatementDocument doc) {
        Matcher trueUp = line.code().equals("COMMISSION") && line.why() != null ? TRUE_UP.matcher(line.why()) : null;
        return trueUp != null && trueUp.matches() ? trueUp(trueUp, line.amount(), doc) : grouped(line.why());
    }

    /** "earned to date 100,978.32 − paid 99,319.42 = 1,658.90, + 800.00 deducted below as a correction = 2,458.90 USD" */
    private static String trueUp(Matcher trueUp, BigDecimal amount, StatementDocument doc) {
        BigDecimal due = new BigDecimal(trueUp.group(1)).subtract(new BigDecimal(trueUp.group(2)));
        StringBuilder why = new StringBuilder("earned to date " + format(trueUp.group(1)) + " − paid "
                + format(trueUp.group(2)));
        BigDecimal left = due;
        for (StatementCap cap : doc.caps()) {
            if (cap.cap().equals("period")) {
                left = step(why, due, left, cap.removed().negate(), "over the period cap");
            }
        }
        Matcher paidBelow = PAID_BELOW.matcher(trueUp.group(3));
        Matcher deducted = DEDUCTED_BELOW.matcher(trueUp.group(3));
        if (paidBelow.find()) {
            left = step(why, due, left, new BigDecimal(paidBelow.group(1)).negate(), "paid below as a correction");
        } else if (deducted.find()) {
            left = step(why, due, left, new BigDecimal(deducted.group(1)), "deducted below as a correction");
        }
        Matcher accelerator = ACCELERATOR.matcher(trueUp.group(3));
        Matcher acceleratorBack = ACCELERATOR_BACK.matcher(trueUp.group(3));
        if (accelerator.find()) {
            left = step(why, due, left, new BigDecimal(accelerator.group(1)).negate(), "paid as ACCELERATOR");
        } else if (acceleratorBack.find()) {
            left = step(why, due, left, new BigDecimal(acceleratorBack.group(1)),
                    "paid as ACCELERATOR before, no longer earned above quota");
        }
        if (left.compareTo(amount) != 0) {
            // a split the statement cannot name: the difference is still shown, never hidden
            step(why, due, left, amount.subtract(left), "on the other lines of this settlement");
        }
        return why.append(" = ").append(Amounts.format(amount)).append(" ").append(doc.payCurrency()).toString();
    }

    /** Appends ", − 800.00 what" (after "= due" the first time) and returns what is left. */
    private static BigDecimal step(StringBuilder why, BigDecimal due, BigDecimal left, BigDecimal change, String what) {
        if (why.indexOf(" = ") < 0) {
            why.append(" = ").append(Amounts.format(due));
        }
        why.append(change.signum() < 0 ? ", − " : ", + ").append(Amounts.format(change.abs())).append(" ").append(what);
        return left.add(change);
    }

    /** The reason with its plain amounts grouped. */
    static String grouped(String why) {
        return why == null ? null : PLAIN.matcher(why).replaceAll(m -> format(m.group()));
    }

    private static String format(String plain) {
        return Amounts.format(new BigDecimal(plain));
    }
}
