package io.compclose.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.compclose.system.Amounts;

/** A rep's own statements: every period and version rendered for them, and where each PDF is. */
@Repository
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RepStatementsRepository {

    public record IssuedStatement(String period, int version, BigDecimal payoutAmount, String currency,
            LocalDateTime renderedAt) {

        /** "USD 1,234.50" */
        public String payout() {
            return currency + " " + Amounts.format(payoutAmount);
        }
    }

    private final JdbcClient jdbc;

    public RepStatementsRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Newest period first, and within it the latest version first. */
    public List<IssuedStatement> of(String repId) {
        return jdbc.sql("""
                SELECT pay_period AS period, version, payout_amount, currency, rendered_at FROM statement
                WHERE rep_id = :rep ORDER BY pay_period DESC, version DESC
                """).param("rep", repId).query(IssuedStatement.class).list();
    }

    /** A figure a statement version showed, as recorded when it was issued. */
    public record Figure(String label, BigDecimal amount) {
    }

    /** The figures a version of the rep's statement showed, in the order it was recorded. */
    public List<Figure> figures(String repId, String period, int version) {
        return jdbc.sql("""
                SELECT label, amount FROM statement_figure WHERE pay_period = :period AND rep_id = :rep AND version = :v
                ORDER BY figure_key
                """).param("rep", repId).param("period", period).param("v", version)
                .query((rs, i) -> new Figure(rs.getString(1), rs.getBigDecimal(2))).list();
    }

    public Optional<String> file(String repId, String period, int version) {
        return jdbc.sql("SELECT file_path FROM statement WHERE rep_id = :rep AND pay_period = :period AND version = :v")
                .param("rep", repId).param("period", period).param("v", version).query(String.class).optional();
    }
}
