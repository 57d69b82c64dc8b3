package io.compclose.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures of every period at once, for the console's list of periods: a query per kind of figure. */
@Repository
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PeriodFiguresRepository {

    public record Payout(String period, String currency, BigDecimal amount, int reps) {
    }

    public record Count(String period, long count) {
    }

    public record Approval(String period, String approvedBy, LocalDateTime approvedAt) {
    }

    private final JdbcClient jdbc;

    public PeriodFiguresRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    public List<Payout> payouts() {
        return jdbc.sql("""
                SELECT pay_period AS period, currency, SUM(amount) AS amount, COUNT(DISTINCT rep_id) AS reps FROM payout
                GROUP BY pay_period, currency ORDER BY pay_period, currency
                """).query(Payout.class).list();
    }

    public List<Count> rejects() {
        return jdbc.sql("SELECT pay_period AS period, COUNT(*) AS count FROM intake_reject GROUP BY pay_period")
                .query(Count.class).list();
    }

    /** What the review gate found on each period's latest revision. */
    public List<Count> exceptions() {
        return jdbc.sql("""
                SELECT e.pay_period AS period, COUNT(*) AS count FROM review_exception e
                WHERE e.revision = (SELECT MAX(l.revision) FROM review_exception l WHERE l.pay_period = e.pay_period)
                GROUP BY e.pay_period
                """).query(Count.class).list();
    }

    /** Each period's latest approval. */
    public List<Approval> approvals() {
        return jdbc.sql("""
                SELECT a.pay_period AS period, a.approved_by, a.approved_at FROM close_approval a
                WHERE a.approved_at = (SELECT MAX(l.approved_at) FROM close_approval l WHERE l.pay_period = a.pay_period)
                """).query(Approval.class).list();
    }
}
