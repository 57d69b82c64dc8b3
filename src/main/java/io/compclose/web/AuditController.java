package io.compclose.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.compclose.audit.AuditLogRepository;

/** The audit trail for finance: every command that changed something, newest first, filtered, a page at a time. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class AuditController {

    static final int PAGE = 100;

    private final AuditLogRepository audit;

    public AuditController(AuditLogRepository audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(AuditLogRepository.Filter filter, @RequestParam(defaultValue = "1") int page, Model model) {
        Paging paging = Paging.of(audit.count(filter), PAGE, page);
        model.addAttribute("filter", filter);
        model.addAttribute("periods", audit.choices("pay_period"));
        model.addAttribute("people", audit.choices("actor"));
        model.addAttribute("actions", audit.choices("action"));
        model.addAttribute("events", audit.page(filter, paging.offset(), PAGE));
        paging.addTo(model);
        return "audit";
    }
}
