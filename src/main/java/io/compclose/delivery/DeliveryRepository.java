package io.compclose.delivery;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.compclose.core.plan.PayPeriod;
import io.compclose.system.ColumnText;

/**
 * The at-most-once guard of statement delivery, one row per send of a (period, rep, statement
 * version, subject): the statement's own email, or a message of an inquiry on it ({@link Delivery#subject}). A send is claimed (committed on its own, before anything is sent), then marked SENT or
 * FAILED. A claim left SENDING by a crash through SMTP is never retried automatically: the email may
 * have gone, so it waits for a deliberate resend. Through the outbox the file tells, so the close
 * settles such a claim itself ({@link #settle}). A FAILED send was refused and may be claimed again.
 */
@Repository
public class DeliveryRepository {

    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    /** Each rep's latest statement of the period, in rep order: what the close and a resend send. */
    private static final String LATEST_STATEMENTS = """
            SELECT s.rep_id, s.version, s.file_path FROM statement s WHERE s.pay_period = ?
            AND s.version = (SELECT MAX(v.version) FROM statement v WHERE v.pay_period = s.pay_period
                AND v.rep_id = s.rep_id)
            ORDER BY s.rep_id
            """;

    private static final RowMapper<Statement> STATEMENT = (rs, i) -> new Statement(rs.getString(1), rs.getInt(2),
            Path.of(rs.getString(3)));

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public DeliveryRepository(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A rep's statement as delivery sends it. */
    public record Statement(String repId, int version, Path pdf) {
    }

    /** The latest version of each rep's statement of the period, in rep order. */
    public List<Statement> latestStatements(PayPeriod period) {
        return jdbc.query(LATEST_STATEMENTS, STATEMENT, period.toString());
    }

    /** The close's delivery reads them with a cursor, its position kept in the step's context for a restart. */
    public JdbcCursorItemReader<Statement> statementsToSend(PayPeriod period) {
        return new JdbcCursorItemReaderBuilder<Statement>().name("statementsToSend").dataSource(dataSource)
                .sql(LATEST_STATEMENTS).queryArguments(period.toString()).rowMapper(STATEMENT).build();
    }

    /** Every version of every statement of the period: the delivery step's work, for its progress line. */
    public long statementCount(String period) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM statement WHERE pay_period = ?", Long.class, period);
    }

    /** True if this caller may send now; false if it was sent, is being sent, or its fate is unknown. */
    public boolean claim(Delivery delivery, String channel, String requestedBy) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> claimed(delivery, channel, requestedBy)));
    }

    /**
     * Claims the close's own sends of a chunk in one commit, each as {@link #claim} would: whether each
     * may be sent now, in order. Only for a channel whose sends a restart can tell (the outbox).
     */
    public List<Boolean> claimAll(List<? extends Delivery> deliveries, String channel) {
        return ownTransaction.execute(status -> deliveries.stream().map(d -> claimed(d, channel, null)).toList());
    }

    private boolean claimed(Delivery delivery, String channel, String requestedBy) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        try {
            jdbc.update("""
                    INSERT INTO delivery_log (pay_period, rep_id, statement_version, subject, send_no, recipient,
                        channel, message_id, outcome, attempted_at, attempts, requested_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                    """, delivery.period().toString(), delivery.repId(), delivery.version(), delivery.subject(),
                    delivery.sendNo(),
                    delivery.recipient(), channel, delivery.messageId(), SENDING, now,
                    requestedBy == null ? null : ColumnText.fit(requestedBy, 128));
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return jdbc.update("""
                    UPDATE delivery_log SET outcome = ?, attempted_at = ?, recipient = ?, channel = ?, detail = NULL
                    WHERE pay_period = ? AND rep_id = ? AND statement_version = ? AND subject = ? AND send_no = ?
                    AND outcome = ?
                    """, SENDING, now, delivery.recipient(), channel, delivery.period().toString(),
                    delivery.repId(), delivery.version(), delivery.subject(), delivery.sendNo(), FAILED) == 1;
        }
    }

    /** How the attempts at one send ended: SENT, or FAILED with why. */
    public record Attempt(Delivery delivery, String outcome, int attempts, String detail) {

        public static Attempt sent(Delivery delivery, int attempts) {
            return new Attempt(delivery, SENT, attempts, null);
        }

        public static Attempt failed(Delivery delivery, int attempts, String detail) {
            return new Attempt(delivery, FAILED, attempts, detail);
        }
    }

    /** Records how sends ended, in one commit. */
    public void record(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate("""
                UPDATE delivery_log SET outcome = ?, detail = ?, attempted_at = ?, attempts = attempts + ?
                WHERE pay_period = ? AND rep_id = ? AND statement_version = ? AND send_no = ? AND subject = ?
                """, attempts, attempts.size(), (ps, a) -> {
            ps.setString(1, a.outcome());
            ps.setString(2, a.detail() == null ? null : ColumnText.fit(a.detail(), 1000));
            ps.setTimestamp(3, now);
            ps.setInt(4, a.attempts());
            ps.setString(5, a.delivery().period().toString());
            ps.setString(6, a.delivery().repId());
            ps.setInt(7, a.delivery().version());
            ps.setInt(8, a.delivery().sendNo());
            ps.setString(9, a.delivery().subject());
        }));
    }

    /** A send of the close's own that a killed close left claimed (SENDING) in the outbox. */
    public record InterruptedSend(String repId, int version, int sendNo) {
    }

    /** The close's own outbox sends of the period that a killed close left SENDING. */
    public List<InterruptedSend> interruptedOutboxSends(PayPeriod period) {
        return jdbc.query("""
                SELECT rep_id, statement_version, send_no FROM delivery_log
                WHERE pay_period = ? AND outcome = ? AND channel = 'OUTBOX' AND requested_by IS NULL
                AND subject = 'statement'
                ORDER BY rep_id, statement_version, send_no
                """, (rs, i) -> new InterruptedSend(rs.getString(1), rs.getInt(2), rs.getInt(3)), period.toString(),
                SENDING);
    }

    /**
     * Settles an interrupted send by what the outbox holds: written, it was sent (by the one attempt
     * that wrote it); not written, it is FAILED, so the close claims and writes it again.
     */
    public void settle(PayPeriod period, InterruptedSend send, boolean written) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                UPDATE delivery_log SET outcome = ?, detail = ?, attempts = attempts + ?
                WHERE pay_period = ? AND rep_id = ? AND statement_version = ? AND send_no = ? AND outcome = ?
                AND subject = 'statement'
                """, written ? SENT : FAILED, written ? null : "interrupted before the email was written",
                written ? 1 : 0, period.toString(), send.repId(), send.version(), send.sendNo(), SENDING));
    }

    /** The number the next resend of a statement gets: one more than any send so far. */
    public int nextSendNo(PayPeriod period, String repId, int version) {
        return nextSendNo(period, repId, version, Delivery.STATEMENT);
    }

    /** The number the next resend of an email about a statement gets (see {@link Delivery#subject}). */
    public int nextSendNo(PayPeriod period, String repId, int version, String subject) {
        Integer last = jdbc.queryForObject("""
                SELECT MAX(send_no) FROM delivery_log WHERE pay_period = ? AND rep_id = ? AND statement_version = ?
                AND subject = ?
                """, Integer.class, period.toString(), repId, version, subject);
        return last == null ? 1 : last + 1;
    }

    /** The latest send of an email other than a statement: its number, how it went, and why if it failed. */
    public record LatestSend(String subject, int sendNo, String outcome, String detail) {
    }

    /** The latest send of each email whose subject starts with {@code subjectPrefix} (no LIKE wildcards), by subject. */
    public Map<String, LatestSend> latestSends(String subjectPrefix) {
        Map<String, LatestSend> latest = new LinkedHashMap<>();
        jdbc.query("""
                SELECT d.subject, d.send_no, d.outcome, d.detail FROM delivery_log d WHERE d.subject LIKE ?
                AND d.send_no = (SELECT MAX(l.send_no) FROM delivery_log l WHERE l.pay_period = d.pay_period
                    AND l.rep_id = d.rep_id AND l.statement_version = d.statement_version AND l.subject = d.subject)
                ORDER BY d.subject
                """, rs -> {
            latest.put(rs.getString(1), new LatestSend(rs.getString(1), rs.getInt(2), rs.getString(3),
                    rs.getString(4)));
        }, subjectPrefix + "%");
        return latest;
    }

    /** A statement that has not reached its rep: its last send failed or never finished. */
    public record Undelivered(String repId, int version, int sendNo, String recipient, String outcome,
            String detail) {
    }

    /** Statements of the period with no SENT row, with the outcome of their latest send. */
    public List<Undelivered> undelivered(PayPeriod period) {
        return jdbc.query("""
                SELECT d.rep_id, d.statement_version, d.send_no, d.recipient, d.outcome, d.detail FROM delivery_log d
                WHERE d.pay_period = ? AND d.subject = 'statement' AND d.send_no = (SELECT MAX(l.send_no)
                    FROM delivery_log l WHERE l.pay_period = d.pay_period AND l.rep_id = d.rep_id
                    AND l.statement_version = d.statement_version AND l.subject = d.subject)
                AND NOT EXISTS (SELECT 1 FROM delivery_log s WHERE s.pay_period = d.pay_period AND s.rep_id = d.rep_id
                    AND s.statement_version = d.statement_version AND s.subject = d.subject AND s.outcome = 'SENT')
                ORDER BY d.rep_id, d.statement_version
                """, (rs, i) -> new Undelivered(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6)), period.toString());
    }

    /** Deliveries of the period per channel and outcome, keyed "channel outcome". */
    public Map<String, Long> outcomes(String period) {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.query("""
                SELECT channel, outcome, COUNT(*) FROM delivery_log WHERE pay_period = ? AND subject = 'statement'
                GROUP BY channel, outcome ORDER BY channel, outcome
                """, rs -> {
            result.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
        }, period);
        return result;
    }
}
