package io.compclose.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.compclose.cli.LockCommand;
import io.compclose.core.plan.PayPeriod;

/** Locks a closed period once payroll has imported it, as {@code lock --by=<the signed-in user> --note} does. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class LockController {

    private final LockCommand lock;

    public LockController(LockCommand lock) {
        this.lock = lock;
    }

    /** Asks before locking: a lock is never undone. */
    @GetMapping("/periods/{period}/lock")
    String confirmLock(@PathVariable PayPeriod period, Model model) {
        model.addAttribute("confirm", new Confirmation("Lock " + period, "Lock " + period + "?",
                "Its figures never change again: late inputs and corrections for " + period
                        + " go to the next open period. Lock it once payroll has imported its file.",
                "/periods/" + period + "/lock", true, "Lock " + period, "/periods"));
        return "confirm";
    }

    @PostMapping("/periods/{period}/lock")
    String lock(@PathVariable PayPeriod period, @RequestParam(required = false) String note,
            @RequestParam(required = false) String confirm, @AuthenticationPrincipal ConsoleUser user,
            RedirectAttributes redirect) {
        if (confirm == null) {
            return "redirect:/periods/" + period + "/lock";
        }
        CommandSaid said = CommandSaid.of((printed, refused) -> lock.run(period, user.getUsername(),
                note == null || note.isBlank() ? null : note.strip(), printed, refused));
        redirect.addFlashAttribute(said.ok() ? "notice" : "problem", said.message());
        return "redirect:/periods";
    }
}
