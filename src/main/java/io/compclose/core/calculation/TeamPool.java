package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.compclose.core.money.Money;

/**
 * A pool paid when a team reaches its target, shared equally or by each member's share of the
 * team's credit; in the strict variant, only if every member met their own target. Shares are
 * rounded half-even and the last minor unit of difference goes to the largest share, so the pool is
 * paid out exactly.
 */
public record TeamPool(String team, BigDecimal target, Money pool, Split split, boolean allMustQualify) {

    public enum Split {
        EQUAL, BY_CREDIT
    }

    /** A member's credit to the team metric, and whether they met their own target. */
    public record Member(String repId, BigDecimal credit, boolean metOwnTarget) {
    }

    public record Share(String repId, PayLine line) {
    }

    public List<Share> pay(List<Member> members) {
        BigDecimal teamCredit = members.stream().map(Member::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (members.isEmpty() || teamCredit.compareTo(target) < 0) {
            return List.of();
        }
        if (allMustQualify && members.stream().anyMatch(m -> !m.metOwnTarget())) {
            return List.of();
        }
        List<Money> rounded = new ArrayList<>();
        for (Member m : members) {
            rounded.add(new Money(split == Split.EQUAL
                    ? pool.amount().divide(BigDecimal.valueOf(members.size()), MathContext.DECIMAL64)
                    : pool.amount().multiply(m.credit()).divide(teamCredit, MathContext.DECIMAL64), pool.currency())
                    .rounded());
        }
        Money residual = rounded.stream().reduce(pool.rounded(), Money::minus);
        if (!residual.isZero()) {
            int largest = rounded.indexOf(rounded.stream().max(Comparator.naturalOrder()).orElseThrow());
            rounded.set(largest, rounded.get(largest).plus(residual));
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String how = split == Split.EQUAL ? "equal share of " + members.size()
                    : "share of team credit " + plain(m.credit()) + " / " + plain(teamCredit);
            shares.add(new Share(m.repId(), new PayLine(EarningCode.TEAM_POOL, rounded.get(i), "team " + team
                    + " reached " + plain(teamCredit) + " of " + plain(target) + "; pool " + plain(pool.amount()) + ", "
                    + how)));
        }
        return shares;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
