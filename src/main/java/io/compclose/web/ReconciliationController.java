package io.compclose.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.compclose.core.plan.PayPeriod;

/** A period's control-total chain, each tie with both figures and the difference, a break marked as one. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class ReconciliationController {

    private final PeriodTies ties;

    public ReconciliationController(PeriodTies ties) {
        this.ties = ties;
    }

    @GetMapping("/periods/{period}/reconciliation")
    String reconciliation(@PathVariable PayPeriod period, Model model) {
        model.addAttribute("chain", ties.of(period));
        return "reconciliation";
    }
}
