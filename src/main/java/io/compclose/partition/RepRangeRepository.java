package io.compclose.partition;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import io.compclose.core.plan.PayPeriod;

/** The period's active reps as rep ranges see them: weighed for the cut, and read one range at a time. */
@Repository
public class RepRangeRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public RepRangeRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The active reps in rep id order, each weighed by its credits and the accounts it owns, plus one. */
    List<RepRanges.WeighedRep> weighedReps(PayPeriod period) {
        return jdbc.sql("""
                SELECT r.rep_id,
                    1 + (SELECT COUNT(*) FROM credit c WHERE c.pay_period = :period AND c.rep_id = r.rep_id)
                    + (SELECT COUNT(*) FROM account_owner o WHERE o.pay_period = :period AND o.rep_id = r.rep_id)
                FROM active_rep r WHERE r.pay_period = :period ORDER BY r.rep_id
                """).param("period", period.toString())
                .query((rs, i) -> new RepRanges.WeighedRep(rs.getString(1), rs.getLong(2))).list();
    }

    /** Reads the reps of one range, in rep id order; its position is kept in the range's own step context. */
    JdbcCursorItemReader<String> repsInRange(PayPeriod period, String firstRep, String lastRep) {
        return new JdbcCursorItemReaderBuilder<String>()
                .name("repsInRange")
                .dataSource(dataSource)
                .sql("SELECT rep_id FROM active_rep WHERE pay_period = ? AND rep_id BETWEEN ? AND ? ORDER BY rep_id")
                .queryArguments(period.toString(), firstRep, lastRep)
                .rowMapper((rs, i) -> rs.getString(1))
                .build();
    }
}
