package io.compclose.crediting;

import io.compclose.core.crediting.Credit;
import io.compclose.core.crediting.CreditException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.compclose.system.BulkLoad;
import io.compclose.system.ColumnText;

/**
 * Credit rows, upserted on (period, booking, rep), with both amounts, the booking's ACV and TCV in the pay
 * currency, and lineage; and the exceptions.
 * Credits go through {@link BulkLoad} where the database allows it (REPLACE leaves what the upsert would).
 */
@Repository
public class CreditRepository {

    private static final String CREDIT_COLUMNS = "pay_period, booking_id, rep_id, credit_share, amount, currency, "
            + "rule_name, plan_id, original_amount, original_currency, fx_rate, credit_kind, lineage, acv_pay, tcv_pay";

    private final JdbcTemplate jdbc;
    private final BulkLoad bulkLoad;

    public CreditRepository(JdbcTemplate jdbc, BulkLoad bulkLoad) {
        this.jdbc = jdbc;
        this.bulkLoad = bulkLoad;
    }

    public void save(String period, List<Credit> credits) {
        bulkLoad.write("credit", CREDIT_COLUMNS, credits, c -> new Object[] {period, c.bookingId(), c.repId(),
                c.share(), c.amount().amount(), c.amount().currencyCode(), ColumnText.fit(c.rule(), 64), c.planId(),
                c.originalAmount().amount(), c.originalAmount().currencyCode(), c.fxRate(), c.kind().name(),
                ColumnText.fit(c.lineage(), 500), c.acvPay().amount(), c.tcvPay() == null ? null : c.tcvPay().amount()},
                """
                 ON DUPLICATE KEY UPDATE credit_share = VALUES(credit_share), amount = VALUES(amount),
                    currency = VALUES(currency), rule_name = VALUES(rule_name), plan_id = VALUES(plan_id),
                    original_amount = VALUES(original_amount), original_currency = VALUES(original_currency),
                    fx_rate = VALUES(fx_rate), credit_kind = VALUES(credit_kind), lineage = VALUES(lineage),
                    acv_pay = VALUES(acv_pay), tcv_pay = VALUES(tcv_pay)
                """);
    }

    public void saveExceptions(String period, List<CreditException> exceptions) {
        jdbc.batchUpdate("""
                INSERT INTO credit_exception (pay_period, booking_id, amount, currency, reason) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE amount = VALUES(amount), currency = VALUES(currency), reason = VALUES(reason)
                """, exceptions.stream().map(x -> new Object[] {period, x.bookingId(), x.amount().amount(),
                x.amount().currencyCode(), ColumnText.fit(x.reason(), 500)}).toList());
    }

    /** Bookings no crediting rule credited, each with the reason: not paid, for finance to review. */
    public List<String> exceptions(String period) {
        return jdbc.query("""
                SELECT booking_id, reason FROM credit_exception WHERE pay_period = ? ORDER BY booking_id
                """, (rs, i) -> rs.getString(1) + ": " + rs.getString(2), period);
    }
}
