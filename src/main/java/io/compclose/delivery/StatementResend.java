package io.compclose.delivery;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.compclose.audit.AuditLog;
import io.compclose.intake.IntakeRepository;
import io.compclose.core.input.RepAssignment;
import io.compclose.system.CloseProperties;

/**
 * Sends a period's statements again, once per request: one rep's (a lost email), or every one not
 * delivered yet. Each resend is a new send in the delivery log, claimed before it goes, and goes
 * to the rep's roster address as the roster stands now (the latest delivered reps.csv), never to
 * an address given on the command line. Each send is recorded in the audit trail with who asked for it.
 */
@Component
public class StatementResend {

    /** One statement's resend: the send it became and how it went. */
    public record Resent(String repId, int version, int sendNo, String recipient, Postman.Outcome outcome) {
    }

    private final JdbcTemplate jdbc;
    private final DeliveryLog log;
    private final IntakeRepository intake;
    private final ObjectProvider<JavaMailSender> smtp;
    private final CloseProperties properties;
    private final DeliveryProperties delivery;
    private final AuditLog audit;

    public StatementResend(JdbcTemplate jdbc, DeliveryLog log, IntakeRepository intake,
            ObjectProvider<JavaMailSender> smtp, CloseProperties properties, DeliveryProperties delivery,
            AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.log = log;
        this.intake = intake;
        this.smtp = smtp;
        this.properties = properties;
        this.delivery = delivery;
    }

    /** The latest version of each rep's statement of the period, by rep: what a resend sends. */
    public Map<String, Statement> statements(YearMonth period) {
        Map<String, Statement> latest = new LinkedHashMap<>();
        jdbc.query("SELECT rep_id, version, file_path FROM statement WHERE pay_period = ? ORDER BY rep_id, version",
                rs -> {
                    latest.put(rs.getString(1), new Statement(rs.getString(1), rs.getInt(2), Path.of(rs.getString(3))));
                }, period.toString());
        return latest;
    }

    public record Statement(String repId, int version, Path pdf) {
    }

    /**
     * @param repId       the one rep whose statement goes again, or null for every statement not yet delivered
     * @param requestedBy who asked, recorded with each send
     */
    public List<Resent> resend(YearMonth period, String repId, Path outbox, String requestedBy) throws Exception {
        Map<String, Statement> statements = statements(period);
        List<Statement> chosen;
        if (repId != null) {
            Statement one = statements.get(repId);
            chosen = one == null ? List.of() : List.of(one);
        } else {
            Set<String> undelivered = log.undelivered(period).stream().map(DeliveryLog.Undelivered::repId)
                    .collect(Collectors.toSet());
            chosen = statements.values().stream().filter(s -> undelivered.contains(s.repId())).toList();
        }
        Postman postman = new Postman(DeliveryStepConfiguration.channel(smtp, properties, outbox), log, delivery);
        List<Resent> resent = new ArrayList<>();
        for (Statement statement : chosen) {
            RepAssignment rep = intake.latestAssignment(statement.repId()).orElseThrow(() ->
                    new IllegalStateException("rep " + statement.repId() + " is on no roster"));
            Delivery send = new Delivery(period, statement.repId(), statement.version(),
                    log.nextSendNo(period, statement.repId(), statement.version()), rep.email(), rep.name(),
                    statement.pdf());
            String what = "statement of " + send.repId() + " (version " + send.version() + ", send " + send.sendNo()
                    + ") to " + send.recipient();
            Postman.Outcome outcome;
            try {
                outcome = postman.deliver(send, requestedBy);
            } catch (Exception e) {
                audit.record(requestedBy, AuditLog.Action.RESEND, period, what + ": failed: " + e.getMessage());
                throw e;
            }
            if (outcome.result() != Postman.Result.ALREADY_HANDLED) {
                audit.record(requestedBy, AuditLog.Action.RESEND, period, what + ": " + (outcome.failure() == null
                        ? "sent" : "not sent: " + outcome.failure().reason()));
            }
            resent.add(new Resent(send.repId(), send.version(), send.sendNo(), send.recipient(), outcome));
        }
        return resent;
    }
}
