package io.compclose.core.crediting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.compclose.core.input.AccountOwner;
import io.compclose.core.input.Booking;
import io.compclose.core.input.BookingType;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import io.compclose.core.input.Split;
import io.compclose.core.money.FxConversion;
import io.compclose.core.money.Money;
import io.compclose.rules.Conditions;

/** Who is credited with what, by hand: splits, overlays, team, roll-up and sourced credit on one roster. */
class CreditingTests {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    /**
     * D1 (director) <- M1 <- R1, R2; M2 <- R4; R3 reports to M1 until 15 October and to M2 from the 16th.
     * C1 is the CSM of account A1, S1 an SDR.
     */
    private final Roster roster = new Roster(List.of(
            rep("D1", Role.MANAGER, null, "West", JAN, null, 2),
            rep("M1", Role.MANAGER, "D1", "West", JAN, null, 3),
            rep("M2", Role.MANAGER, "D1", "West", JAN, null, 4),
            rep("R1", Role.AE, "M1", "West", JAN, null, 5),
            rep("R2", Role.AE, "M1", "West", JAN, null, 6),
            rep("R3", Role.AE, "M1", "West", JAN, LocalDate.of(2026, 10, 15), 7),
            rep("R3", Role.AE, "M2", "West", LocalDate.of(2026, 10, 16), null, 8),
            rep("R4", Role.AE, "M2", "East", JAN, null, 9),
            rep("C1", Role.CSM, "M1", "West", JAN, null, 10),
            rep("S1", Role.SDR, "M1", "West", JAN, null, 11)));

    private final Map<String, List<AccountOwner>> owners = Map.of("A1", List.of(
            new AccountOwner("A1", "C1", Role.CSM, JAN, null, 2)));

    private static RepAssignment rep(String id, Role role, String manager, String team, LocalDate from, LocalDate to,
            long line) {
        return new RepAssignment(id, "E-" + id, id, id.toLowerCase() + "@example.com", role, manager, team, "P-" + id,
                "USD", from, to, line);
    }

    private static Booking booking(String id, String day, String owner, BookingType type, String acv, String sourcer) {
        return new Booking(id, LocalDate.parse(day), "A1", "Acme", owner, type, "PLATFORM", Money.of(acv, "USD"), null,
                12, sourcer, null, 12);
    }

    private Crediting crediting(List<CreditRule> rules, Map<String, List<Split>> splits) {
        return new Crediting(rules, roster, owners, splits, new FxConversion("USD", Map.of()), Conditions::holds);
    }

    private static CreditRule rule(String id, CreditKind kind, String when, String share, Role role, Integer levels) {
        return new CreditRule(id, kind, when, share == null ? BigDecimal.ONE : new BigDecimal(share), role, levels);
    }

    private static List<String> summary(Crediting.Outcome outcome) {
        return outcome.credits().stream().map(c -> c.repId() + " " + c.kind() + " " + c.share().stripTrailingZeros()
                .toPlainString() + " " + c.amount().amount().stripTrailingZeros().toPlainString() + " " + c.rule())
                .toList();
    }

    private static final List<CreditRule> ALL = List.of(
            rule("owner-or-splits", CreditKind.PRIMARY, null, null, null, null),
            rule("csm-overlay", CreditKind.OVERLAY, "type == 'RENEWAL'", "0.5", Role.CSM, null),
            rule("rollup", CreditKind.ROLLUP, null, null, null, null),
            rule("sdr", CreditKind.SOURCED, null, null, null, null));

    @Test
    void splitRollUpOverlayAndSourcedCreditOnOneDeal() {
        // B1, a 100,000 renewal of A1 split R1 60 % / R2 40 %, sourced by S1:
        // R1 60,000 and R2 40,000 (primary, 100,000 in all); C1, A1's CSM, 50 % overlay = 50,000;
        // M1 manages both: once, 60 % + 40 % = 100 % = 100,000 (not 60,000 + 40,000 as two credits);
        // D1 above M1: 100,000; S1 sourced: 100,000
        Map<String, List<Split>> splits = Map.of("B1", List.of(new Split("B1", "R1", new BigDecimal("60"), "AE", 2),
                new Split("B1", "R2", new BigDecimal("40"), "AE", 3)));
        Crediting.Outcome outcome = crediting(ALL, splits).credit(booking("B1", "2026-10-05", "R1",
                BookingType.RENEWAL, "100000", "S1"));

        assertThat(outcome.exception()).isNull();
        assertThat(summary(outcome)).containsExactly(
                "R1 PRIMARY 0.6 60000 owner-or-splits",
                "R2 PRIMARY 0.4 40000 owner-or-splits",
                "C1 OVERLAY 0.5 50000 csm-overlay",
                "M1 ROLLUP 1 100000 rollup",
                "D1 ROLLUP 1 100000 rollup",
                "S1 SOURCED 1 100000 sdr");
        assertThat(outcome.credits()).filteredOn(c -> c.repId().equals("M1")).singleElement()
                .satisfies(c -> assertThat(c.lineage()).isEqualTo("reps.csv:5 (R1 → M1) + reps.csv:6 (R2 → M1)"));
        assertThat(outcome.credits()).filteredOn(c -> c.repId().equals("R2")).singleElement()
                .satisfies(c -> assertThat(c.lineage()).isEqualTo("bookings.csv:12 + splits.csv:3"));
        assertThat(outcome.credits()).filteredOn(c -> c.repId().equals("C1")).singleElement()
                .satisfies(c -> assertThat(c.lineage()).isEqualTo("account_owners.csv:2"));
    }

    @Test
    void aForeignBookingsWholeAcvAndTcvAreConvertedOnceHalfEven() {
        // EUR at 1.5 USD: ACV 1,000.03 -> 1,500.045 -> USD 1,500.04 and TCV 3,000.09 -> 4,500.135 -> 4,500.14
        // (half-even); each rep of the split gets the whole booking's figures, not their share of them
        Crediting euro = new Crediting(List.of(rule("owner-or-splits", CreditKind.PRIMARY, null, null, null, null)),
                roster, owners, Map.of("B1", List.of(new Split("B1", "R1", new BigDecimal("60"), "AE", 2),
                        new Split("B1", "R2", new BigDecimal("40"), "AE", 3))),
                new FxConversion("USD", Map.of("EUR", new BigDecimal("1.5"))), Conditions::holds);
        Booking inEuro = new Booking("B1", LocalDate.parse("2026-10-05"), "A1", "Acme", "R1", BookingType.NEW,
                "PLATFORM", Money.of("1000.03", "EUR"), Money.of("3000.09", "EUR"), 36, null, null, 12);

        assertThat(euro.credit(inEuro).credits()).extracting(c -> c.repId() + " " + c.amount().amount() + " "
                + c.acvPay().amount() + " " + c.tcvPay().amount())
                .containsExactly("R1 900.03 1500.04 4500.14", "R2 600.02 1500.04 4500.14");
        assertThat(crediting(ALL, Map.of()).credit(booking("B2", "2026-10-05", "R1", BookingType.NEW, "1200.5", null))
                .credits()).extracting(c -> c.acvPay().amount() + " " + c.tcvPay()).containsOnly("1200.5 null");
    }

    @Test
    void theAccountsRenewalRepGetsRetentionCreditOnRenewalsFromTheHandoverDate() {
        // A2's renewals belong to N1 until 15 October and to N2 from the 16th (account_owners.csv
        // lines 3 and 4). Rule: the RENEWAL owner, 100 %, on RENEWAL bookings only.
        Roster withRenewalReps = new Roster(List.of(rep("R1", Role.AE, null, "West", JAN, null, 2),
                rep("N1", Role.RENEWAL, null, "West", JAN, null, 3), rep("N2", Role.RENEWAL, null, "West", JAN, null, 4)));
        Map<String, List<AccountOwner>> renewalOwners = Map.of("A2", List.of(
                new AccountOwner("A2", "N1", Role.RENEWAL, JAN, LocalDate.of(2026, 10, 15), 3),
                new AccountOwner("A2", "N2", Role.RENEWAL, LocalDate.of(2026, 10, 16), null, 4)));
        Crediting crediting = new Crediting(List.of(rule("owner", CreditKind.PRIMARY, null, null, null, null),
                rule("renewal-rep", CreditKind.OVERLAY, "type == 'RENEWAL'", "1.0", Role.RENEWAL, null)),
                withRenewalReps, renewalOwners, Map.of(), new FxConversion("USD", Map.of()), Conditions::holds);
        java.util.function.BiFunction<String, BookingType, Booking> onA2 = (day, type) -> new Booking("B-" + day,
                LocalDate.parse(day), "A2", "Acme", "R1", type, "PLATFORM", Money.of("24000", "USD"), null, 12,
                null, null, 7);

        assertThat(summary(crediting.credit(onA2.apply("2026-10-15", BookingType.RENEWAL))))
                .containsExactly("R1 PRIMARY 1 24000 owner", "N1 OVERLAY 1 24000 renewal-rep");
        Crediting.Outcome afterHandover = crediting.credit(onA2.apply("2026-10-16", BookingType.RENEWAL));
        assertThat(summary(afterHandover)).containsExactly("R1 PRIMARY 1 24000 owner", "N2 OVERLAY 1 24000 renewal-rep");
        assertThat(afterHandover.credits().get(1).lineage()).isEqualTo("account_owners.csv:4");
        // an upsell on the same account is not retention: the renewal rep gets nothing
        assertThat(summary(crediting.credit(onA2.apply("2026-10-20", BookingType.UPSELL))))
                .containsExactly("R1 PRIMARY 1 24000 owner");
    }

    @Test
    void rollUpFollowsTheHierarchyOnTheBookingDate() {
        // R3 moves from M1 to M2 on 16 October: the 10 October deal rolls up to M1, the 20 October one to M2
        Crediting crediting = crediting(ALL, Map.of());
        assertThat(summary(crediting.credit(booking("B2", "2026-10-10", "R3", BookingType.NEW, "30000", null))))
                .containsExactly("R3 PRIMARY 1 30000 owner-or-splits", "M1 ROLLUP 1 30000 rollup",
                        "D1 ROLLUP 1 30000 rollup");
        assertThat(summary(crediting.credit(booking("B3", "2026-10-20", "R3", BookingType.NEW, "20000", null))))
                .containsExactly("R3 PRIMARY 1 20000 owner-or-splits", "M2 ROLLUP 1 20000 rollup",
                        "D1 ROLLUP 1 20000 rollup");
    }

    @Test
    void aRepCreditedTwiceKeepsOneCredit() {
        // M1 splits a deal 50/50 with R1, who reports to M1: M1 keeps the primary 50 % (primary shares total
        // 100 %, so R1's 50 % does not roll up to M1 on top); D1 gets M1's and R1's halves, once: 100 %.
        // S1 sources a deal S1 also owns: one primary credit, no sourced credit
        Map<String, List<Split>> splits = Map.of("B4", List.of(new Split("B4", "M1", new BigDecimal("50"), null, 2),
                new Split("B4", "R1", new BigDecimal("50"), null, 3)));
        assertThat(summary(crediting(ALL, splits).credit(booking("B4", "2026-10-05", "M1", BookingType.NEW, "10000",
                null)))).containsExactly("M1 PRIMARY 0.5 5000 owner-or-splits",
                "R1 PRIMARY 0.5 5000 owner-or-splits", "D1 ROLLUP 1 10000 rollup");
        assertThat(summary(crediting(ALL, Map.of()).credit(booking("B5", "2026-10-05", "S1", BookingType.NEW, "8000",
                "S1")))).containsExactly("S1 PRIMARY 1 8000 owner-or-splits", "M1 ROLLUP 1 8000 rollup",
                "D1 ROLLUP 1 8000 rollup");
    }

    @Test
    void teamCreditAndLevelsAndConditions() {
        List<CreditRule> rules = List.of(
                rule("owner", CreditKind.PRIMARY, null, null, null, null),
                rule("team-csm", CreditKind.TEAM, null, "0.1", Role.CSM, null),
                rule("first-line", CreditKind.ROLLUP, "acv >= 50000", null, null, 1));
        // R4 (team East, manager M2): no CSM in East, and the 40,000 deal is under the roll-up's 50,000
        assertThat(summary(crediting(rules, Map.of()).credit(booking("B6", "2026-10-05", "R4", BookingType.NEW,
                "40000", null)))).containsExactly("R4 PRIMARY 1 40000 owner");
        // R1 (team West): C1, West's CSM, gets 10 % = 6,000; one level up only: M1, not D1
        assertThat(summary(crediting(rules, Map.of()).credit(booking("B7", "2026-10-05", "R1", BookingType.NEW,
                "60000", null)))).containsExactly("R1 PRIMARY 1 60000 owner", "C1 TEAM 0.1 6000 team-csm",
                "M1 ROLLUP 1 60000 first-line");
    }

    @Test
    void aBookingNoRuleCreditsIsAnExceptionWithTheReason() {
        Map<String, List<Split>> splits = Map.of("B8", List.of(new Split("B8", "R1", new BigDecimal("60"), null, 4),
                new Split("B8", "R2", new BigDecimal("30"), null, 5)));
        Crediting.Outcome outcome = crediting(ALL, splits).credit(booking("B8", "2026-10-05", "R1", BookingType.NEW,
                "1000", null));
        assertThat(outcome.credits()).isEmpty();
        assertThat(outcome.exception()).isEqualTo(new CreditException("B8", Money.of("1000", "USD"),
                "its splits total 90 %, not 100 % (splits.csv lines 4, 5)"));

        Crediting newOnly = crediting(List.of(rule("new-only", CreditKind.PRIMARY, "type == 'NEW'", null, null, null)),
                Map.of());
        assertThat(newOnly.credit(booking("B9", "2026-10-05", "R1", BookingType.UPSELL, "500", null)).exception()
                .reason()).isEqualTo("no PRIMARY crediting rule applies to it");
    }

    @Test
    void primaryPartsAddUpToTheBookingExactly() {
        // a third each of 100.00: 33.3333 + 33.3333 + the remainder 33.3334 = 100.0000
        Map<String, List<Split>> splits = Map.of("B10", List.of(
                new Split("B10", "R1", new BigDecimal("33.3333"), null, 2),
                new Split("B10", "R2", new BigDecimal("33.3333"), null, 3),
                new Split("B10", "C1", new BigDecimal("33.3334"), null, 4)));
        Crediting.Outcome outcome = crediting(List.of(rule("p", CreditKind.PRIMARY, null, null, null, null)), splits)
                .credit(booking("B10", "2026-10-05", "R1", BookingType.NEW, "100", null));
        assertThat(outcome.credits()).extracting(c -> c.originalAmount().amount().toPlainString())
                .containsExactly("33.3333", "33.3333", "33.3334");
    }
}
