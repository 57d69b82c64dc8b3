package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.plan.PlanLoader;
import io.compclose.rules.Conditions;

/**
 * A rep's close over a prorated plan: the close takes every version in force in the year, so a version whose
 * months brought no deals still counts its share of the year's quota (jobs/plans.md, "Proration").
 */
class ProratedCloseTests {

    private static final YearMonth DEC = YearMonth.of(2026, 12);

    @TempDir
    Path plans;

    private PlanCatalog catalog(String proration) throws Exception {
        String table = "{bands: [{from: 0, to: 0.5, rate: 0.05}, {from: 0.5, rate: 0.10}]}";
        Files.writeString(plans.resolve("ae.yaml"), """
                plan: AE
                version: 1
                effective_from: 2026-01-01
                currency: USD
                %s
                components: [{id: bookings, metric: BOOKINGS_ACV, quota: 1200000, rate_table: %s}]
                ---
                plan: AE
                version: 2
                effective_from: 2026-07-01
                currency: USD
                %s
                components: [{id: bookings, metric: BOOKINGS_ACV, quota: 1800000, rate_table: %s}]
                """.formatted(proration, table, proration, table));
        return new PlanLoader(Conditions::problem).load(plans);
    }

    /** The rep has no team pool: nothing is read of teammates. */
    private static final Teammates NO_TEAMMATES = new Teammates() {
        @Override
        public List<CreditedDeal> deals(String repId) {
            throw new AssertionError("no team pool reads teammates");
        }

        @Override
        public RepHistory history(String repId) {
            throw new AssertionError("no team pool reads teammates");
        }
    };

    private static RepClose close(PlanCatalog catalog) {
        Roster roster = new Roster(List.of(new RepAssignment("R1", "E1", "Rep One", "r1@example.com", Role.AE, null,
                "T1", "AE", "USD", LocalDate.of(2026, 1, 1), null, 1)));
        CreditedDeal d2 = new CreditedDeal("D2", LocalDate.of(2026, 9, 15), "A-D2", "NEW", "PLATFORM", null,
                new BigDecimal("900000"), null, 12, BigDecimal.ONE, false);
        List<RepHistory.HistoricDeal> deals = List.of(new RepHistory.HistoricDeal(d2, "AE", "2026-09", "USD"));
        RepHistory history = new RepHistory(deals, Map.of(), Map.of(), Map.of(), Set.of(),
                Ledger.start(java.util.Currency.getInstance("USD")), List.of(), Map.of(), List.of(), List.of(), deals,
                Map.of());
        return new RepCloseCalculator(DEC, catalog, roster, expression -> deal -> true, NO_TEAMMATES)
                .calculate("R1", history);
    }

    @Test
    void aVersionWithoutDealsStillCountsItsShareOfTheYearsQuota() throws Exception {
        RepClose december = close(catalog("proration: {by: DAYS}"));

        // v1 is open-ended, v2 takes over on 1 July: 181 and 184 days. Year's quota 1,200,000 × 181/365
        // = 595,068.49 + 1,800,000 × 184/365 = 907,397.26 = 1,502,465.75, though only v2 has a deal:
        // 900,000 ÷ 1,502,465.75 = 59.90 %; 751,232.88 × 5 % = 37,561.64 + 148,767.12 × 10 % = 14,876.71
        // = 52,438.36 (exactly 52,438.356...)
        assertThat(december.attainments()).extracting(RepClose.Attainment::planVersion,
                a -> a.credit().toPlainString(), a -> a.quota().toPlainString()).containsExactly(
                        tuple(2, "900000", "1502465.7534246575"), tuple(1, "0", "1502465.7534246575"));
        assertThat(december.ledger().earnedToDate().amount()).isEqualByComparingTo("52438.36");
    }

    @Test
    void withoutProrationOnlyTheVersionsWithDealsAndTheSettlingOneAreClosed() throws Exception {
        RepClose december = close(catalog(""));

        // today's meaning: v2 alone, 900,000 ÷ 1,800,000 = 50 %, all at 5 % = 45,000.00
        assertThat(december.attainments()).extracting(RepClose.Attainment::planVersion,
                a -> a.quota().toPlainString()).containsExactly(tuple(2, "1800000"));
        assertThat(december.ledger().earnedToDate().amount()).isEqualByComparingTo("45000.00");
    }
}
