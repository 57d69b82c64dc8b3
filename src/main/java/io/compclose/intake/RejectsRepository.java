package io.compclose.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A period's rejected input rows as finance browses them: filtered by file, column and words of the reason, a
 * page at a time, read with {@link IntakeRepository}'s own columns and row mapping.
 */
@Repository
public class RejectsRepository {

    /** What finance filters on; a blank field does not filter. */
    public record Filter(String file, String column, String reason) {

        /** The SQL condition and its parameters: fixed fragments only, the values are parameters. */
        String where(Map<String, Object> parameters) {
            StringBuilder where = new StringBuilder("pay_period = :period");
            if (file != null && !file.isBlank()) {
                where.append(" AND source_file = :file");
                parameters.put("file", file);
            }
            if (column != null && !column.isBlank()) {
                where.append(" AND column_name = :column");
                parameters.put("column", column);
            }
            if (reason != null && !reason.isBlank()) {
                where.append(" AND LOWER(reason) LIKE :reason");
                parameters.put("reason", "%" + reason.toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%");
            }
            return where.toString();
        }
    }

    private final JdbcClient jdbc;

    public RejectsRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    public List<Reject> page(String period, Filter filter, int offset, int limit) {
        return select(period, filter, " LIMIT " + limit + " OFFSET " + offset);
    }

    public List<Reject> all(String period, Filter filter) {
        return select(period, filter, "");
    }

    public long count(String period, Filter filter) {
        Map<String, Object> parameters = parameters(period);
        return jdbc.sql("SELECT COUNT(*) FROM intake_reject WHERE " + filter.where(parameters)).params(parameters)
                .query(Long.class).single();
    }

    /** The files and the columns the period's rejects name, for the filter's choices. */
    public Map<String, List<String>> choices(String period) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        choices.put("file", jdbc.sql("SELECT DISTINCT source_file FROM intake_reject WHERE pay_period = :period "
                + "ORDER BY source_file").param("period", period).query(String.class).list());
        choices.put("column", jdbc.sql("SELECT DISTINCT column_name FROM intake_reject WHERE pay_period = :period "
                + "ORDER BY column_name").param("period", period).query(String.class).list());
        return choices;
    }

    private List<Reject> select(String period, Filter filter, String page) {
        Map<String, Object> parameters = parameters(period);
        return jdbc.sql("SELECT " + IntakeRepository.REJECT_COLUMNS + " FROM intake_reject WHERE "
                + filter.where(parameters) + " ORDER BY source_file, line_no" + page).params(parameters)
                .query(IntakeRepository.REJECT_ROW).list();
    }

    private static Map<String, Object> parameters(String period) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("period", period);
        return parameters;
    }
}
