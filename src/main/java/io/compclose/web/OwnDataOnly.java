package io.compclose.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.compclose.audit.AuditLogRepository;
import io.compclose.core.plan.PayPeriod;

/** A rep sees their own figures only: another rep's answer 403, and the attempt is in the audit trail. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
public class OwnDataOnly {

    private final AuditLogRepository audit;

    public OwnDataOnly(AuditLogRepository audit) {
        this.audit = audit;
    }

    /** Refuses a rep asking for {@code what} ("the statement", "inquiry #3") of rep {@code owner} unless it is theirs. */
    void check(ConsoleUser user, String owner, PayPeriod period, String what) {
        check(user, owner, period.id(), what);
    }

    /** @param period the name of the pay period, as stored */
    void check(ConsoleUser user, String owner, String period, String what) {
        if (user.role() == ConsoleRole.REP && !owner.equals(user.repId())) {
            audit.record(user.getUsername(), AuditLogRepository.Action.REFUSED, period, "asked for " + what + " of rep "
                    + owner + ", signed in as rep " + user.repId());
            throw new AccessDeniedException(what + " of another rep");
        }
    }
}
