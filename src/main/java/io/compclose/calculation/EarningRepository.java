package io.compclose.calculation;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Earning lines, upserted on (period, rep, booking, component). */
@Repository
public class EarningRepository {

    private final JdbcTemplate jdbc;

    public EarningRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String period, List<? extends EarningLine> lines) {
        jdbc.batchUpdate("""
                INSERT INTO earning (pay_period, rep_id, booking_id, component_id, earning_code, plan_id, plan_version,
                    credit_amount, rate, amount, currency, explanation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE earning_code = VALUES(earning_code), plan_id = VALUES(plan_id),
                    plan_version = VALUES(plan_version), credit_amount = VALUES(credit_amount), rate = VALUES(rate),
                    amount = VALUES(amount), currency = VALUES(currency), explanation = VALUES(explanation)
                """, lines, lines.size(), (ps, e) -> {
            ps.setString(1, period);
            ps.setString(2, e.repId());
            ps.setString(3, e.bookingId());
            ps.setString(4, e.componentId());
            ps.setString(5, e.code().name());
            ps.setString(6, e.planId());
            ps.setInt(7, e.planVersion());
            ps.setBigDecimal(8, e.credited().amount());
            ps.setBigDecimal(9, e.rate());
            ps.setBigDecimal(10, e.amount().amount());
            ps.setString(11, e.amount().currencyCode());
            ps.setString(12, e.explanation());
        });
    }
}
