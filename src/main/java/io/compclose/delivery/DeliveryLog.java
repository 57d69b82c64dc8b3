package io.compclose.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The at-most-once guard of statement delivery. A statement is claimed (committed on its own,
 * before anything is sent), then marked SENT or FAILED. A claim left SENDING by a crash is never
 * retried automatically: the email may have gone, so it waits for a deliberate resend. A FAILED
 * send was refused by the server and may be claimed again.
 */
@Repository
public class DeliveryLog {

    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public DeliveryLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** True if this caller may send now; false if it was sent, is being sent, or its fate is unknown. */
    public boolean claim(Delivery delivery, String channel) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        Boolean claimed = ownTransaction.execute(status -> {
            try {
                jdbc.update("""
                        INSERT INTO delivery_log (pay_period, rep_id, statement_version, recipient, channel, message_id,
                            outcome, attempted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, delivery.period().toString(), delivery.repId(), delivery.version(), delivery.recipient(),
                        channel, delivery.messageId(), SENDING, now);
                return true;
            } catch (DuplicateKeyException alreadyThere) {
                return jdbc.update("""
                        UPDATE delivery_log SET outcome = ?, attempted_at = ?, recipient = ?, channel = ?, detail = NULL
                        WHERE pay_period = ? AND rep_id = ? AND statement_version = ? AND outcome = ?
                        """, SENDING, now, delivery.recipient(), channel, delivery.period().toString(),
                        delivery.repId(), delivery.version(), FAILED) == 1;
            }
        });
        return Boolean.TRUE.equals(claimed);
    }

    public void sent(Delivery delivery) {
        mark(delivery, SENT, null);
    }

    public void failed(Delivery delivery, String detail) {
        mark(delivery, FAILED, detail);
    }

    private void mark(Delivery delivery, String outcome, String detail) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                UPDATE delivery_log SET outcome = ?, detail = ?, attempted_at = ?
                WHERE pay_period = ? AND rep_id = ? AND statement_version = ?
                """, outcome, detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)),
                Timestamp.valueOf(LocalDateTime.now(clock)), delivery.period().toString(), delivery.repId(),
                delivery.version()));
    }
}
