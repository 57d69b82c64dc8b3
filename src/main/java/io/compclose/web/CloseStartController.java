package io.compclose.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.compclose.core.plan.PayPeriod;

/**
 * Starting a close from the browser: the month's inbox in the configured layout is shown first, and the close
 * starts only from a folder that exists; then its progress page follows it.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class CloseStartController {

    private final CloseRunner closes;
    private final InboxLayout inboxes;

    public CloseStartController(CloseRunner closes, InboxLayout inboxes) {
        this.closes = closes;
        this.inboxes = inboxes;
    }

    /** The periods page's form: the month chosen there. */
    @GetMapping("/periods/start")
    String chosen(@RequestParam PayPeriod period) {
        return "redirect:/periods/" + period + "/start";
    }

    /** What a start would read, before anything starts. */
    @GetMapping("/periods/{period}/start")
    String confirm(@PathVariable PayPeriod period, Model model) {
        Path inbox = inboxes.inboxOf(period);
        model.addAttribute("period", period);
        model.addAttribute("inbox", inbox.toString());
        model.addAttribute("layout", inboxes.source());
        model.addAttribute("inboxExists", Files.isDirectory(inbox));
        return "start";
    }

    @PostMapping("/periods/{period}/start")
    String start(@PathVariable PayPeriod period, @AuthenticationPrincipal ConsoleUser user,
            RedirectAttributes redirect) {
        CloseRunner.Start start = closes.start(period, user.getUsername());
        if (!start.started()) {
            redirect.addFlashAttribute("problems", start.problems());
            return "redirect:/periods/" + period + "/start";
        }
        return "redirect:/periods/" + period + "/close";
    }
}
