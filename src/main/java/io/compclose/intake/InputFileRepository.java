package io.compclose.intake;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code close_input}: the fingerprint of each input file a close of a period read, and where from. */
@Repository
public class InputFileRepository {

    /** A file as a step of the close read it; {@code sha256} is null where the file was absent. */
    public record ReadInput(String fileName, String sha256, String readBy, String inbox) {
        public boolean absent() {
            return sha256 == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public InputFileRepository(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Replaces what the step read, whole: a plan file dropped since its last run is no longer listed. */
    public void record(YearMonth period, int revision, String step, String inbox, Map<String, String> files,
            LocalDateTime now) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM close_input WHERE pay_period = ? AND revision = ? AND read_by = ?",
                    period.toString(), revision, step);
            for (Map.Entry<String, String> file : files.entrySet()) {
                jdbc.update("""
                        INSERT INTO close_input (pay_period, revision, file_name, sha256, read_by, inbox, read_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", period.toString(), revision, file.getKey(), file.getValue(),
                        step, inbox, Timestamp.valueOf(now));
            }
        });
    }

    /** What the close (revision) of the period has read so far. */
    public List<ReadInput> read(YearMonth period, int revision) {
        return jdbc.query("""
                SELECT file_name, sha256, read_by, inbox FROM close_input WHERE pay_period = ? AND revision = ?
                ORDER BY file_name""", (rs, n) -> new ReadInput(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), period.toString(), revision);
    }
}
