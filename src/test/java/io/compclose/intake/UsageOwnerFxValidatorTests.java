package io.compclose.intake;

import io.compclose.core.input.AccountOwner;
import io.compclose.core.input.BilledUsage;
import io.compclose.core.input.FxRate;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every reject reason of fx_rates.csv, usage.csv and account_owners.csv, and what is accepted. */
class UsageOwnerFxValidatorTests {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final List<String> FX = List.of("currency", "rate_to_usd", "period");
    private static final List<String> USAGE = List.of("usage_id", "account_id", "product", "usage_month", "quantity",
            "unit", "revenue", "currency");
    private static final List<String> OWNER = List.of("account_id", "rep_id", "role", "effective_from",
            "effective_to");

    private final Map<String, BigDecimal> earlierRates = Map.of(
            "EUR|2026-10", new BigDecimal("1.08"),
            "GBP|2026-10", new BigDecimal("1.27"));
    private final FxRateValidator rates = new FxRateValidator(NOV, "USD", AcceptedRows.inMemory(new HashMap<String, FxRate>()),
            (currency, month) -> Optional.ofNullable(earlierRates.get(currency + "|" + month)));

    private final UsageValidator usage = new UsageValidator(NOV, AcceptedRows.inMemory(new HashMap<String, BilledUsage>()),
            Set.of("USD", "EUR")::contains);

    private final Roster roster = new Roster(List.of(assignment("R1"), assignment("R2"), assignment("R3")));
    private final AccountOwnerValidator owners = new AccountOwnerValidator(roster, new HashMap<>());

    private static RepAssignment assignment(String repId) {
        return new RepAssignment(repId, "E-" + repId, repId, repId + "@example.com", Role.CSM, null, "West", "CSM",
                "USD", LocalDate.of(2026, 1, 1), null, 2);
    }

    private static String outcome(IntakeItem<?> item) {
        return item.isAccepted() ? "accepted" : item.reject().column() + ": " + item.reject().reason();
    }

    /** A row whose cell holds a comma, which {@link TestRows} cannot split around. */
    private static CsvRow withCell(CsvRow row, String column, String value) {
        Map<String, String> values = new LinkedHashMap<>(row.values());
        values.put(column, value);
        return new CsvRow(row.file(), row.line(), values, row.raw(), null);
    }

    private IntakeItem<FxRate> rateItem(long line, String csv) {
        return rates.validate(TestRows.row("fx_rates.csv", FX, line, csv));
    }

    private String rate(long line, String csv) {
        return outcome(rateItem(line, csv));
    }

    @Test
    void ratesArePositiveNotForTheBaseNotInTheFutureAndNeverChangedOnceUsed() {
        assertThat(rate(2, "EUR,1.09,2026-11")).isEqualTo("accepted");
        IntakeItem<FxRate> again = rateItem(3, "EUR,1.090,2026-11");
        assertThat(outcome(again)).isEqualTo("currency: identical re-delivery of line 2 (counted once)");
        assertThat(again.reject().kind()).isEqualTo(Reject.Kind.DUPLICATE);
        IntakeItem<FxRate> conflict = rateItem(4, "EUR,1.10,2026-11");
        assertThat(outcome(conflict)).isEqualTo("currency: duplicate of line 2 with different content");
        assertThat(conflict.reject().kind()).isEqualTo(Reject.Kind.REJECTED);
        assertThat(conflict.reject().rawValue()).isEqualTo("EUR|2026-11");
        // 1.080 re-states the 1.08 an earlier close used
        assertThat(rate(5, "EUR,1.080,2026-10")).isEqualTo("accepted");
        assertThat(rate(6, "GBP,1.25,2026-10")).isEqualTo("rate_to_usd: differs from the rate 1.27 an earlier close "
                + "used for GBP 2026-10; a rate once used is not changed");
        assertThat(rate(7, "USD,1,2026-11")).isEqualTo("currency: the base currency USD needs no rate");
        assertThat(rate(8, "JPY,0,2026-11")).isEqualTo("rate_to_usd: must be greater than zero");
        assertThat(rate(9, "JPY,-0.0067,2026-11")).isEqualTo("rate_to_usd: must be greater than zero");
        assertThat(rate(10, "JPY,0.0067,2026-12")).isEqualTo("period: after the pay period 2026-11");
        assertThat(rate(11, "JPY,0.0067,2026-11")).isEqualTo("accepted");
        assertThat(rate(12, "CHF,abc,2026-11")).isEqualTo("rate_to_usd: not a decimal number (use '.' and no "
                + "thousands separator)");
    }

    private IntakeItem<BilledUsage> usageItem(long line, String csv) {
        return usage.validate(TestRows.row("usage.csv", USAGE, line, csv));
    }

    private String usage(long line, String csv) {
        return outcome(usageItem(line, csv));
    }

    @Test
    void usageIsNotNegativeFallsInTheBaselineWindowAndHasARateForThePayPeriod() {
        assertThat(usage(2, "U1,A1,API,2026-11,1000,calls,250.00,EUR")).isEqualTo("accepted");
        IntakeItem<BilledUsage> again = usageItem(3, "U1,A1,API,2026-11,1000.0,calls,250,EUR");
        assertThat(outcome(again)).isEqualTo("usage_id: identical re-delivery of line 2 (counted once)");
        assertThat(again.reject().kind()).isEqualTo(Reject.Kind.DUPLICATE);
        IntakeItem<BilledUsage> conflict = usageItem(4, "U1,A1,API,2026-11,1000,calls,260.00,EUR");
        assertThat(outcome(conflict)).isEqualTo("usage_id: duplicate of line 2 with different content");
        assertThat(conflict.reject().kind()).isEqualTo(Reject.Kind.REJECTED);
        assertThat(usage(5, "U2,A1,SEATS,2026-11,,,0,USD")).isEqualTo("accepted");
        assertThat(usage(6, "U3,A1,API,2026-11,10,calls,-10.00,EUR")).isEqualTo("revenue: must not be negative "
                + "(credit notes belong in adjustments.csv)");
        assertThat(usage(7, "U4,A1,API,2026-11,-1,calls,10.00,EUR")).isEqualTo("quantity: must not be negative");
        assertThat(usage(8, "U5,A1,API,2026-12,1,calls,10.00,EUR")).isEqualTo("usage_month: after the pay period "
                + "2026-11");
        assertThat(usage(9, "U6,A1,API,2024-10,1,calls,10.00,EUR")).isEqualTo("usage_month: more than 24 months "
                + "before the pay period 2026-11");
        // 2024-11 is exactly 24 months back; baseline months need no rate
        assertThat(usage(10, "U7,A1,API,2024-11,1,calls,10.00,GBP")).isEqualTo("accepted");
        assertThat(usage(11, "U8,A1,API,2026-11,1,calls,10.00,GBP")).isEqualTo("currency: no FX rate for GBP in "
                + "2026-11 (fx_rates.csv)");
        assertThat(usage(12, "U9,A1,API,2026-13,1,calls,10.00,EUR")).isEqualTo("usage_month: not a month YYYY-MM");
        CsvRow comma = withCell(TestRows.row("usage.csv", USAGE, 13, "U10,A1,API,2026-11,1,calls,0,EUR"), "revenue",
                "12,50");
        assertThat(outcome(usage.validate(comma))).isEqualTo("revenue: not a decimal number (use '.' and no "
                + "thousands separator)");
        assertThat(usage(14, ",A1,API,2026-11,1,calls,10.00,EUR")).isEqualTo("usage_id: required value is missing");
    }

    private IntakeItem<AccountOwner> ownerItem(long line, String csv) {
        return owners.validate(TestRows.row("account_owners.csv", OWNER, line, csv));
    }

    private String owner(long line, String csv) {
        return outcome(ownerItem(line, csv));
    }

    @Test
    void anAccountHasOneOwnerPerRoleOnAnyDay() {
        assertThat(owner(2, "A1,R1,CSM,2026-01-01,2026-06-30")).isEqualTo("accepted");
        assertThat(owner(3, "A1,R2,RENEWAL,2026-01-01,")).isEqualTo("accepted");
        // effective_to is inclusive, so the next CSM may start the day after
        assertThat(owner(4, "A1,R2,CSM,2026-07-01,")).isEqualTo("accepted");
        IntakeItem<AccountOwner> again = ownerItem(5, "A1,R1,CSM,2026-01-01,2026-06-30");
        assertThat(outcome(again)).isEqualTo("account_id: identical re-delivery of line 2 (counted once)");
        assertThat(again.reject().kind()).isEqualTo(Reject.Kind.DUPLICATE);
        IntakeItem<AccountOwner> conflict = ownerItem(6, "A1,R1,CSM,2026-01-01,2026-05-31");
        assertThat(outcome(conflict)).isEqualTo("account_id: duplicate of line 2 with different content");
        assertThat(conflict.reject().kind()).isEqualTo(Reject.Kind.REJECTED);
        assertThat(owner(7, "A1,R3,CSM,2026-06-30,2026-08-31")).isEqualTo("effective_from: overlaps line 2: account "
                + "A1 already has a CSM (R1) from 2026-01-01 to 2026-06-30");
        assertThat(owner(8, "A1,R3,CSM,2027-01-01,")).isEqualTo("effective_from: overlaps line 4: account A1 "
                + "already has a CSM (R2) from 2026-07-01 to open");
        assertThat(owner(9, "A2,R1,CSM,2026-05-01,2026-04-30")).isEqualTo("effective_to: before effective_from "
                + "2026-05-01");
        assertThat(owner(10, "A2,R9,CSM,2026-01-01,")).isEqualTo("rep_id: unknown rep (no accepted row in reps.csv)");
        assertThat(owner(11, "A2,R1,CEO,2026-01-01,")).isEqualTo("role: unknown value; expected one of [AE, AM, CSM, "
                + "RENEWAL, SDR, MARKETING, MANAGER, KEY_ACCOUNT]");
        assertThat(owner(12, "A2,R1,CSM,2026-01-01,")).isEqualTo("accepted");
    }

    @Test
    void ownershipEndsInclusiveAndOpenEndsRunOn() {
        AccountOwner closed = new AccountOwner("A1", "R1", Role.CSM, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), 2);
        AccountOwner open = new AccountOwner("A1", "R2", Role.CSM, LocalDate.of(2026, 7, 1), null, 3);
        assertThat(closed.isActiveOn(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(closed.isActiveOn(LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(open.isActiveOn(LocalDate.of(2099, 1, 1))).isTrue();
        assertThat(closed.overlaps(open)).isFalse();
        assertThat(open.overlaps(new AccountOwner("A1", "R3", Role.CSM, LocalDate.of(2030, 1, 1), null, 4)))
                .isTrue();
        assertThat(closed.key()).isEqualTo("A1|R1|CSM|2026-01-01");
    }
}
