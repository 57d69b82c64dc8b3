package io.compclose.partition;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.intake.IntakeRepository;

/**
 * Splits the period's active reps, in rep id order, into contiguous ranges of about the same number of
 * reps. A range is two rep ids, so a partition's context stays small at any roster size, and the same
 * reps give the same ranges: a restarted step finds each range where it left it.
 */
public class RepRanges implements Partitioner {

    public static final String FIRST_REP = "firstRep";
    public static final String LAST_REP = "lastRep";
    public static final String REPS = "reps";

    private final JdbcTemplate jdbc;
    private final YearMonth period;

    public RepRanges(JdbcTemplate jdbc, YearMonth period) {
        this.jdbc = jdbc;
        this.period = period;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        return split(jdbc.queryForList(IntakeRepository.activeRepsSql(), String.class,
                IntakeRepository.activeRepsArgs(period)), gridSize);
    }

    /** Reads the reps of one range, in rep id order; its position is kept in the range's own step context. */
    public static JdbcCursorItemReader<String> reader(String name, DataSource dataSource, YearMonth period,
            String firstRep, String lastRep) {
        return new JdbcCursorItemReaderBuilder<String>()
                .name(name)
                .dataSource(dataSource)
                .sql(IntakeRepository.activeRepsInRangeSql())
                .queryArguments(IntakeRepository.activeRepsInRangeArgs(period, firstRep, lastRep))
                .rowMapper((rs, i) -> rs.getString(1))
                .build();
    }

    /** {@code reps} in order, cut into at most {@code ranges} ranges whose sizes differ by one at most. */
    static Map<String, ExecutionContext> split(List<String> reps, int ranges) {
        int count = Math.min(Math.max(ranges, 1), reps.size());
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int from = (int) ((long) i * reps.size() / count);
            int to = (int) ((long) (i + 1) * reps.size() / count) - 1;
            ExecutionContext context = new ExecutionContext();
            context.putString(FIRST_REP, reps.get(from));
            context.putString(LAST_REP, reps.get(to));
            context.putLong(REPS, to - from + 1);
            partitions.put(String.format(java.util.Locale.ROOT, "reps%03d", i + 1), context);
        }
        return partitions;
    }
}
