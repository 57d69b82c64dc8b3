package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.compclose.core.money.Money;

/**
 * A pool paid when a team reaches its target, shared equally, by each member's share of the team's
 * credit, or by the points each member was given; in the strict variant, only if every member met
 * their own target. Shares are rounded half-even and the last minor unit of difference goes to the
 * largest share, so the pool is paid out exactly.
 */
public record TeamPool(String team, BigDecimal target, Money pool, Split split, boolean allMustQualify) {

    public enum Split {
        EQUAL, BY_CREDIT, BY_POINTS
    }

    /**
     * A member's credit to the team metric, whether they met their own target, and the points they were
     * given for a split by points (null when none: no share).
     */
    public record Member(String repId, BigDecimal credit, boolean metOwnTarget, BigDecimal points) {

        public Member(String repId, BigDecimal credit, boolean metOwnTarget) {
            this(repId, credit, metOwnTarget, null);
        }

        BigDecimal pointsOrZero() {
            return points == null ? BigDecimal.ZERO : points;
        }
    }

    public record Share(String repId, PayLine line) {
    }

    /** Whether the team stands at or above the target, every member qualifying in the strict variant. */
    public boolean isDue(List<Member> members) {
        return !members.isEmpty() && teamCredit(members).compareTo(target) >= 0
                && !(allMustQualify && members.stream().anyMatch(m -> !m.metOwnTarget()));
    }

    public List<Share> pay(List<Member> members) {
        if (!isDue(members)) {
            return List.of();
        }
        BigDecimal teamCredit = teamCredit(members);
        BigDecimal teamPoints = members.stream().map(Member::pointsOrZero).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (split == Split.BY_POINTS && teamPoints.signum() == 0) {
            throw new IllegalArgumentException("team " + team + " has no points to share its pool by");
        }
        List<Money> rounded = new ArrayList<>();
        for (Member m : members) {
            BigDecimal part = switch (split) {
                case EQUAL -> pool.amount().divide(BigDecimal.valueOf(members.size()), MathContext.DECIMAL64);
                case BY_CREDIT -> pool.amount().multiply(m.credit()).divide(teamCredit, MathContext.DECIMAL64);
                case BY_POINTS -> pool.amount().multiply(m.pointsOrZero()).divide(teamPoints, MathContext.DECIMAL64);
            };
            rounded.add(new Money(part, pool.currency()).rounded());
        }
        Money residual = rounded.stream().reduce(pool.rounded(), Money::minus);
        if (!residual.isZero()) {
            int largest = rounded.indexOf(rounded.stream().max(Comparator.naturalOrder()).orElseThrow());
            rounded.set(largest, rounded.get(largest).plus(residual));
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String how = switch (split) {
                case EQUAL -> "equal share of " + members.size();
                case BY_CREDIT -> "share of team credit " + plain(m.credit()) + " / " + plain(teamCredit);
                case BY_POINTS -> "share by points " + plain(m.pointsOrZero()) + " / " + plain(teamPoints);
            };
            shares.add(new Share(m.repId(), new PayLine(EarningCode.TEAM_POOL, rounded.get(i), "team " + team
                    + " reached " + plain(teamCredit) + " of " + plain(target) + "; pool " + plain(pool.amount()) + ", "
                    + how)));
        }
        return shares;
    }

    private static BigDecimal teamCredit(List<Member> members) {
        return members.stream().map(Member::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
