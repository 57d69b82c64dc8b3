package io.compclose.intake;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import io.compclose.core.plan.PayPeriod;

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

    public InputFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces what the step read, whole: a plan file dropped since its last run is no longer listed.
     * <p>
     * Steps that read inputs run side by side (loadUsage beside loadBookings), so each row is written by
     * its own key, one statement at a time: a delete of the step's rows by a range, as one transaction
     * with the inserts, locked the gaps the other step inserted into, and MariaDB ended one of them as a
     * deadlock.
     */
    public void record(PayPeriod period, int revision, String step, String inbox, Map<String, String> files,
            LocalDateTime now) {
        List<String> stale = jdbc.queryForList("SELECT file_name FROM close_input WHERE pay_period = ? "
                + "AND revision = ? AND read_by = ?", String.class, period.toString(), revision, step);
        for (String file : stale) {
            if (!files.containsKey(file)) {
                jdbc.update("DELETE FROM close_input WHERE pay_period = ? AND revision = ? AND file_name = ?",
                        period.toString(), revision, file);
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            jdbc.update("""
                    INSERT INTO close_input (pay_period, revision, file_name, sha256, read_by, inbox, read_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE sha256 = VALUES(sha256), read_by = VALUES(read_by), inbox = VALUES(inbox),
                    read_at = VALUES(read_at)""", period.toString(), revision, file.getKey(), file.getValue(), step,
                    inbox, Timestamp.valueOf(now));
        }
    }

    /** What the close (revision) of the period has read so far. */
    public List<ReadInput> read(PayPeriod period, int revision) {
        return jdbc.query("""
                SELECT file_name, sha256, read_by, inbox FROM close_input WHERE pay_period = ? AND revision = ?
                ORDER BY file_name""", (rs, n) -> new ReadInput(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), period.toString(), revision);
    }
}
