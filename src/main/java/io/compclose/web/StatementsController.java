package io.compclose.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.plan.PayPeriod;

/**
 * A period's statements for finance: every version, its PDF, its sends, and a resend that asks first. The resend
 * is {@code resend --period --rep --by=<the signed-in user>}.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class StatementsController {

    private final StatementDesk desk;

    public StatementsController(StatementDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/periods/{period}/statements")
    String statements(@PathVariable PayPeriod period, Model model) {
        model.addAttribute("period", period);
        model.addAttribute("closeRan", desk.closeRan(period));
        model.addAttribute("statements", desk.of(period));
        return "statements";
    }

    @GetMapping("/periods/{period}/statements/{rep}/{version}.pdf")
    ResponseEntity<FileSystemResource> pdf(@PathVariable PayPeriod period, @PathVariable String rep,
            @PathVariable int version) {
        return desk.pdf(period, rep, version)
                .map(file -> InlinePdf.of(file, "statement-" + period + "-" + rep + "-v" + version + ".pdf"))
                .orElse(ResponseEntity.notFound().build());
    }

    /** Asks before sending: an email cannot be taken back. */
    @GetMapping("/periods/{period}/statements/{rep}/resend")
    String confirmResend(@PathVariable PayPeriod period, @PathVariable String rep, Model model) {
        RepAssignment to = resendable(period, rep);
        model.addAttribute("confirm", new Confirmation("Resend a statement",
                "Send the statement of " + rep + " for " + period + " to " + to.email() + " again?",
                "It goes to " + to.name() + "'s address on the latest roster, as one more send in the delivery log, "
                        + "asked for in your name.",
                "/periods/" + period + "/statements/" + rep + "/resend", false, "Send again",
                "/periods/" + period + "/statements"));
        return "confirm";
    }

    @PostMapping("/periods/{period}/statements/{rep}/resend")
    String resend(@PathVariable PayPeriod period, @PathVariable String rep,
            @RequestParam(required = false) String confirm, @AuthenticationPrincipal ConsoleUser user,
            RedirectAttributes redirect) {
        resendable(period, rep);
        if (confirm == null) {
            return "redirect:/periods/" + period + "/statements/" + rep + "/resend";
        }
        CommandSaid said = desk.resend(period, rep, user.getUsername());
        redirect.addFlashAttribute(said.ok() ? "notice" : "problem", said.message());
        return "redirect:/periods/" + period + "/statements";
    }

    private RepAssignment resendable(PayPeriod period, String rep) {
        return desk.resendable(period, rep).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no statement of rep " + rep + " for " + period));
    }
}
