package io.compclose.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.compclose.cli.CloseHistory;
import io.compclose.cli.ResendCommand;
import io.compclose.cli.ServeProperties;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.plan.PayPeriod;
import io.compclose.delivery.StatementResend;
import io.compclose.intake.IntakeRepository;

/**
 * A period's statements for finance: each version with its sends, its PDF, and a resend through {@code resend}'s
 * own command object, so the console's resend is the command line's (checks, delivery log, audit trail).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StatementDesk {

    /** One version of a rep's statement and its sends; {@code latest} is the version a resend sends. */
    public record Statement(PeriodStatementsRepository.Issued issued, boolean latest,
            List<PeriodStatementsRepository.Send> sends) {
    }

    private final PeriodStatementsRepository statements;
    private final RepStatementsRepository files;
    private final StatementResend resend;
    private final ResendCommand resendCommand;
    private final IntakeRepository intake;
    private final CloseHistory history;
    private final Path out;

    public StatementDesk(PeriodStatementsRepository statements, RepStatementsRepository files, StatementResend resend,
            ResendCommand resendCommand, IntakeRepository intake, CloseHistory history, ServeProperties serve) {
        this.statements = statements;
        this.files = files;
        this.resend = resend;
        this.resendCommand = resendCommand;
        this.intake = intake;
        this.history = history;
        this.out = serve.out().toAbsolutePath().normalize();
    }

    public boolean closeRan(PayPeriod period) {
        return history.latestExecution(period, out) != null;
    }

    public List<Statement> of(PayPeriod period) {
        Map<String, Integer> latest = resend.statements(period).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().version()));
        Map<String, List<PeriodStatementsRepository.Send>> sends = statements.sends(period.toString()).stream()
                .collect(Collectors.groupingBy(s -> s.repId() + "/" + s.statementVersion()));
        return statements.issued(period.toString()).stream().map(s -> {
            int version = s.statement().version();
            return new Statement(s, latest.getOrDefault(s.repId(), 0) == version,
                    sends.getOrDefault(s.repId() + "/" + version, List.of()));
        }).toList();
    }

    /** The rep as the roster stands now, whose address a resend goes to; empty if the period has no statement of theirs. */
    public Optional<RepAssignment> resendable(PayPeriod period, String repId) {
        return resend.statements(period).containsKey(repId) ? intake.latestAssignment(repId) : Optional.empty();
    }

    /** {@code resend --period --rep --by}: what it said, as one line. */
    CommandSaid resend(PayPeriod period, String repId, String by) {
        return CommandSaid.of((said, refused) -> resendCommand.run(period, repId, by, out, said, refused));
    }

    public Optional<Path> pdf(PayPeriod period, String repId, int version) {
        return files.file(repId, period.toString(), version).map(Path::of).filter(Files::isRegularFile);
    }
}
