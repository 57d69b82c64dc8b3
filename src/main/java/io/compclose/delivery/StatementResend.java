package io.compclose.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.compclose.audit.AuditLogRepository;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.plan.PayPeriod;
import io.compclose.delivery.DeliveryRepository.Statement;
import io.compclose.intake.IntakeRepository;
import io.compclose.system.CloseProperties;

/**
 * Sends a period's statements again, once per request: one rep's (a lost email), or every one not
 * delivered yet. Each resend is a new send in the delivery log, claimed before it goes, and goes
 * to the rep's roster address as the roster stands now (the latest delivered reps.csv), never to
 * an address given on the command line. Each send is recorded in the audit trail with who asked for it.
 */
@Component
public record StatementResend(DeliveryRepository log, IntakeRepository intake, ObjectProvider<JavaMailSender> smtp,
        CloseProperties properties, DeliveryProperties delivery, AuditLogRepository audit) {

    /** One statement's resend: the send it became and how it went. */
    public record Resent(String repId, int version, int sendNo, String recipient, Postman.Outcome outcome) {
    }

    /** The latest version of each rep's statement of the period, by rep: what a resend sends. */
    public Map<String, Statement> statements(PayPeriod period) {
        return log.latestStatements(period).stream().collect(Collectors.toMap(Statement::repId, s -> s,
                (a, b) -> b, LinkedHashMap::new));
    }

    /**
     * @param repId       the one rep whose statement goes again, or null for every statement not yet delivered
     * @param requestedBy who asked, recorded with each send
     */
    public List<Resent> resend(PayPeriod period, String repId, Path outbox, String requestedBy) throws Exception {
        Map<String, Statement> statements = statements(period);
        List<Statement> chosen;
        if (repId != null) {
            Statement one = statements.get(repId);
            chosen = one == null ? List.of() : List.of(one);
        } else {
            Set<String> undelivered = log.undelivered(period).stream().map(DeliveryRepository.Undelivered::repId)
                    .collect(Collectors.toSet());
            chosen = statements.values().stream().filter(s -> undelivered.contains(s.repId())).toList();
        }
        Postman postman = new Postman(MailChannel.of(smtp, properties, outbox), log, delivery);
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
                audit.record(requestedBy, AuditLogRepository.Action.RESEND, period, what + ": failed: " + e.getMessage());
                throw e;
            }
            if (outcome.result() != Postman.Result.ALREADY_HANDLED) {
                audit.record(requestedBy, AuditLogRepository.Action.RESEND, period, what + ": " + (outcome.failure() == null
                        ? "sent" : "not sent: " + outcome.failure().reason()));
            }
            resent.add(new Resent(send.repId(), send.version(), send.sendNo(), send.recipient(), outcome));
        }
        return resent;
    }
}
