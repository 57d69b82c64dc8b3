package io.compclose.web;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.compclose.delivery.Delivery;

/** A period's statements, every rep and version, and every send of them the delivery log holds. */
@Repository
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PeriodStatementsRepository {

    /** A rep's statement of the period, one version, as a rep's own page reads it. */
    public record Issued(String repId, RepStatementsRepository.IssuedStatement statement) {
    }

    private static final RowMapper<RepStatementsRepository.IssuedStatement> STATEMENT = new DataClassRowMapper<>(
            RepStatementsRepository.IssuedStatement.class);

    /**
     * One send of a statement (the close's own is send 1, each resend the next; requestedBy null for the close's),
     * or of an inquiry's message about it (subject inquiry-&lt;id&gt;-&lt;message&gt;).
     */
    public record Send(String repId, int statementVersion, String subject, int sendNo, String recipient,
            String channel, String outcome, int attempts, LocalDateTime attemptedAt, String requestedBy,
            String detail) {

        /** "send 2", or "inquiry #12 message 2" (", send 2" when sent again) */
        public String label() {
            if (Delivery.STATEMENT.equals(subject)) {
                return "send " + sendNo;
            }
            String[] parts = subject.split("-");
            return "inquiry #" + parts[1] + " message " + parts[2] + (sendNo > 1 ? ", send " + sendNo : "");
        }
    }

    private final JdbcClient jdbc;

    public PeriodStatementsRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** By rep, each rep's versions in the order they were issued. */
    public List<Issued> issued(String period) {
        return jdbc.sql("""
                SELECT rep_id, pay_period AS period, version, payout_amount, currency, rendered_at FROM statement
                WHERE pay_period = :period ORDER BY rep_id, version
                """).param("period", period).query((rs, i) -> new Issued(rs.getString("rep_id"),
                STATEMENT.mapRow(rs, i))).list();
    }

    public List<Send> sends(String period) {
        return jdbc.sql("""
                SELECT rep_id, statement_version, subject, send_no, recipient, channel, outcome, attempts, attempted_at,
                    requested_by, detail
                FROM delivery_log WHERE pay_period = :period
                ORDER BY rep_id, statement_version, CASE WHEN subject = 'statement' THEN 0 ELSE 1 END, attempted_at,
                    subject, send_no
                """).param("period", period).query(Send.class).list();
    }
}
