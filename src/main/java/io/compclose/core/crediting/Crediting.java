package io.compclose.core.crediting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import io.compclose.core.input.AccountOwner;
import io.compclose.core.input.BadInputException;
import io.compclose.core.input.Booking;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Roster;
import io.compclose.core.input.Split;
import io.compclose.core.money.FxConversion;
import io.compclose.core.money.Money;

/**
 * Applies the crediting rules to one booking: the first PRIMARY rule whose condition holds gives
 * the owner 100 % or the reps of splits.csv their parts; every other rule whose condition holds
 * adds overlay, team, roll-up or sourced credit. Everything is effective-dated on the booking date.
 * A rep credited twice keeps one credit of the first kind (see {@link CreditKind}): a primary share
 * stands alone; overlay, team and roll-up shares add up to at most 100 %. Plain Java: the step reads, calls, writes.
 */
public final class Crediting {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<CreditRule> rules;
    private final Roster roster;
    private final Map<String, List<AccountOwner>> ownersByAccount;
    private final Map<String, List<Split>> splitsByBooking;
    private final FxConversion rates;
    private final BiPredicate<String, Object> conditions;

    public Crediting(List<CreditRule> rules, Roster roster, Map<String, List<AccountOwner>> ownersByAccount,
            Map<String, List<Split>> splitsByBooking, FxConversion rates, BiPredicate<String, Object> conditions) {
        this.rules = List.copyOf(rules);
        this.roster = roster;
        this.ownersByAccount = ownersByAccount;
        this.splitsByBooking = splitsByBooking;
        this.rates = rates;
        this.conditions = conditions;
    }

    /** The credits of one booking, or the exception saying why nothing credits it. */
    public record Outcome(List<Credit> credits, CreditException exception) {
    }

    /** A share granted to a rep by a rule, before credits of the same rep are merged. */
    private record Grant(String repId, CreditKind kind, BigDecimal share, String rule, String lineage) {
    }

    public Outcome credit(Booking booking) {
        BookingFacts facts = BookingFacts.of(booking);
        CreditRule primaryRule = rules.stream().filter(r -> r.kind() == CreditKind.PRIMARY && holds(r, facts))
                .findFirst().orElse(null);
        if (primaryRule == null) {
            return exception(booking, "no PRIMARY crediting rule applies to it");
        }
        List<Split> splits = splitsByBooking.getOrDefault(booking.bookingId(), List.of());
        List<Grant> primary = new ArrayList<>();
        if (splits.isEmpty()) {
            primary.add(new Grant(booking.ownerRepId(), CreditKind.PRIMARY, BigDecimal.ONE, primaryRule.id(),
                    "bookings.csv:" + booking.line()));
        } else {
            BigDecimal total = splits.stream().map(Split::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(HUNDRED) != 0) {
                return exception(booking, "its splits total " + total.stripTrailingZeros().toPlainString()
                        + " %, not 100 % (splits.csv lines " + lines(splits) + ")");
            }
            splits.forEach(s -> primary.add(new Grant(s.repId(), CreditKind.PRIMARY, s.share(), primaryRule.id(),
                    "bookings.csv:" + booking.line() + " + splits.csv:" + s.line())));
        }
        List<Grant> grants = new ArrayList<>(primary);
        for (CreditRule rule : rules) {
            if (rule.kind() != CreditKind.PRIMARY && holds(rule, facts)) {
                grants.addAll(switch (rule.kind()) {
                    case OVERLAY -> overlay(rule, booking);
                    case TEAM -> team(rule, booking, primary);
                    case ROLLUP -> rollup(rule, booking, primary);
                    case SOURCED -> sourced(rule, booking);
                    case PRIMARY -> List.<Grant>of();
                });
            }
        }
        return new Outcome(credits(booking, merge(grants)), null);
    }

    private boolean holds(CreditRule rule, BookingFacts facts) {
        return rule.when() == null || conditions.test(rule.when(), facts);
    }

    private List<Grant> overlay(CreditRule rule, Booking booking) {
        List<Grant> grants = new ArrayList<>();
        for (AccountOwner owner : ownersByAccount.getOrDefault(booking.accountId(), List.of())) {
            if (owner.role() == rule.role() && owner.isActiveOn(booking.bookedOn())
                    && roster.activeOn(owner.repId(), booking.bookedOn()).isPresent()) {
                grants.add(new Grant(owner.repId(), CreditKind.OVERLAY, rule.share(), rule.id(),
                        "account_owners.csv:" + owner.line()));
            }
        }
        return grants;
    }

    private List<Grant> team(CreditRule rule, Booking booking, List<Grant> primary) {
        Set<String> teams = new HashSet<>();
        primary.forEach(g -> active(g.repId(), booking).map(RepAssignment::team).ifPresent(teams::add));
        List<Grant> grants = new ArrayList<>();
        for (RepAssignment mate : roster.all()) {
            if (mate.team() != null && teams.contains(mate.team()) && mate.isActiveOn(booking.bookedOn())
                    && (rule.role() == null || mate.role() == rule.role())) {
                grants.add(new Grant(mate.repId(), CreditKind.TEAM, rule.share(), rule.id(),
                        "reps.csv:" + mate.line() + " (team " + mate.team() + ")"));
            }
        }
        return grants;
    }

    /**
     * Each manager above a primary rep, on the booking date, up to the rule's levels. A manager above
     * two reps who split a deal is credited once, with their shares added.
     */
    private List<Grant> rollup(CreditRule rule, Booking booking, List<Grant> primary) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (Grant part : primary) {
            Set<String> seen = new HashSet<>(Set.of(part.repId()));
            String rep = part.repId();
            for (int level = 1; rule.levels() == null || level <= rule.levels(); level++) {
                RepAssignment assignment = active(rep, booking).orElse(null);
                String manager = assignment == null ? null : assignment.managerId();
                if (manager == null || !seen.add(manager) || active(manager, booking).isEmpty()) {
                    break; // the top of the hierarchy, a cycle, or a manager not on the roster that day
                }
                shares.merge(manager, part.share().multiply(rule.share()), BigDecimal::add);
                paths.computeIfAbsent(manager, m -> new ArrayList<>())
                        .add("reps.csv:" + assignment.line() + " (" + rep + " → " + manager + ")");
                rep = manager;
            }
        }
        List<Grant> grants = new ArrayList<>();
        shares.forEach((manager, share) -> grants.add(new Grant(manager, CreditKind.ROLLUP,
                share.min(BigDecimal.ONE), rule.id(), String.join(" + ", paths.get(manager)))));
        return grants;
    }

    private List<Grant> sourced(CreditRule rule, Booking booking) {
        String sourcer = booking.sourcedByRepId();
        if (sourcer == null || active(sourcer, booking).isEmpty()) {
            return List.of();
        }
        return List.of(new Grant(sourcer, CreditKind.SOURCED, rule.share(), rule.id(),
                "bookings.csv:" + booking.line() + " sourced_by_rep_id"));
    }

    /**
     * One credit per rep: the first kind wins. A primary share stands alone, so a booking's primary
     * shares keep totalling 100 %; overlay, team and roll-up shares of one rep add up to at most 100 %.
     */
    private static List<Grant> merge(List<Grant> grants) {
        Map<String, Grant> byRep = new LinkedHashMap<>();
        for (Grant g : grants) {
            byRep.merge(g.repId(), g, (a, b) -> {
                Grant first = a.kind().compareTo(b.kind()) <= 0 ? a : b;
                Grant second = first == a ? b : a;
                if (first.kind() == CreditKind.PRIMARY || second.kind() == CreditKind.SOURCED) {
                    return first;
                }
                return new Grant(first.repId(), first.kind(), first.share().add(second.share()).min(BigDecimal.ONE),
                        first.rule() + "+" + second.rule(), first.lineage() + " + " + second.lineage());
            });
        }
        return List.copyOf(byRep.values());
    }

    /**
     * Credit amounts in the booking currency and the rep's pay currency, converted here once and
     * reused by the calculation (jobs/plans.md, "Rounding"), as are the booking's ACV and TCV. Primary
     * amounts are allocated so they add up exactly to the booking (the last part takes the remainder).
     */
    private List<Credit> credits(Booking booking, List<Grant> grants) {
        List<Credit> credits = new ArrayList<>();
        Money primaryLeft = booking.acv();
        long primaryCount = grants.stream().filter(g -> g.kind() == CreditKind.PRIMARY).count();
        int primarySeen = 0;
        for (Grant g : grants) {
            RepAssignment rep = active(g.repId(), booking).orElseThrow(() -> new IllegalStateException(
                    "rep " + g.repId() + " has no assignment on " + booking.bookedOn()));
            Money original = Money.of(booking.acv().amount().multiply(g.share()).setScale(4, Money.ROUNDING),
                    booking.currency());
            if (g.kind() == CreditKind.PRIMARY) {
                original = ++primarySeen == primaryCount ? primaryLeft : original;
                primaryLeft = primaryLeft.minus(original);
            }
            FxConversion.Converted pay;
            try {
                pay = rates.convert(original, rep.payCurrency());
            } catch (FxConversion.MissingRateException e) {
                throw new BadInputException(e.getMessage() + ": booking " + booking.bookingId() + " of rep "
                        + g.repId() + " (bookings.csv line " + booking.line() + "); add " + (rates.knows(e.from())
                                ? e.to() : e.from()) + " to fx_rates.csv");
            }
            credits.add(new Credit(booking.bookingId(), g.repId(), g.share(), pay.converted(), g.rule(), rep.planId(),
                    original, pay.rate(), g.kind(), g.lineage(), inPay(booking.acv(), rep.payCurrency()),
                    inPay(booking.tcv(), rep.payCurrency())));
        }
        return credits;
    }

    /**
     * A whole booking amount in the pay currency, converted as the credit is (the same rate, the same
     * rounding); an amount already in the pay currency stays as booked.
     */
    private Money inPay(Money amount, String payCurrency) {
        return amount == null || amount.currencyCode().equals(payCurrency) ? amount
                : rates.convert(amount, payCurrency).converted();
    }

    private java.util.Optional<RepAssignment> active(String repId, Booking booking) {
        return roster.activeOn(repId, booking.bookedOn());
    }

    private static Outcome exception(Booking booking, String reason) {
        return new Outcome(List.of(), new CreditException(booking.bookingId(), booking.acv(), reason));
    }

    private static String lines(List<Split> splits) {
        return String.join(", ", splits.stream().map(s -> String.valueOf(s.line())).toList());
    }
}
