package io.compclose.web;

import java.math.BigDecimal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.compclose.core.inquiry.InquiryException;
import io.compclose.inquiry.InquiryDesk;
import io.compclose.inquiry.InquiryRepository;

/**
 * Finance's side of the inquiries: the queue by age, one inquiry with its statement line, answers and the
 * resolution. An adjustment proposed by one finance user waits until another one signs in and approves it
 * (or declines it, with why).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class FinanceInquiryController {

    private final InquiryDesk desk;
    private final InquiryRepository inquiries;
    private final ConsoleUsers users;

    public FinanceInquiryController(InquiryDesk desk, InquiryRepository inquiries, ConsoleUsers users) {
        this.desk = desk;
        this.inquiries = inquiries;
        this.users = users;
    }

    @GetMapping("/inquiries")
    String queue(Model model) {
        model.addAttribute("inquiries", inquiries.queue());
        return "inquiries";
    }

    @GetMapping("/inquiries/{id}")
    String one(@PathVariable long id, Model model) {
        InquiryRepository.Inquiry inquiry = inquiries.find(id).orElseThrow(() -> new RepInquiryController.NotFound(id));
        model.addAttribute("view", new InquiryView(inquiry, inquiries.messages(id)));
        model.addAttribute("adjustment", inquiries.adjustment(id).orElse(null));
        model.addAttribute("proposal", inquiries.proposal(id).orElse(null));
        model.addAttribute("emails", desk.emails(id));
        model.addAttribute("approvers", users.financeUsers());
        model.addAttribute("finance", true);
        return "inquiry";
    }

    @GetMapping("/inquiries/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return RepInquiryController.download(inquiries, id);
    }

    @PostMapping("/inquiries/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String text,
            @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        return done(id, redirect, () -> {
            return "Answered; " + desk.answer(id, user.getUsername(), text);
        });
    }

    @PostMapping("/inquiries/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(required = false) String reason, @RequestParam(required = false) BigDecimal amount,
            @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        return done(id, redirect, () -> switch (outcome) {
            case "no-change" -> "Resolved with no change; " + desk.resolveWithoutChange(id, user.getUsername(), reason);
            case "adjustment" -> desk.propose(id, user.getUsername(), amount, reason);
            default -> throw new InquiryException("Choose an outcome: no change, or an adjustment.");
        });
    }

    /** The second pair of eyes: the signed-in finance user approves what another proposed. */
    @PostMapping("/inquiries/{id}/approve")
    String approve(@PathVariable long id, @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        return done(id, redirect, () -> desk.approve(id, user.getUsername()));
    }

    @PostMapping("/inquiries/{id}/decline")
    String decline(@PathVariable long id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        return done(id, redirect, () -> {
            desk.decline(id, user.getUsername(), reason);
            return "Adjustment declined; the inquiry is open to answers and another resolution.";
        });
    }

    /** A lost or refused email to the rep, sent again as a new send in the delivery log. */
    @PostMapping("/inquiries/{id}/messages/{no}/resend")
    String emailAgain(@PathVariable long id, @PathVariable int no, @AuthenticationPrincipal ConsoleUser user,
            RedirectAttributes redirect) {
        return done(id, redirect, () -> desk.emailAgain(id, no, user.getUsername()));
    }

    private interface Step {
        String run();
    }

    private static String done(long id, RedirectAttributes redirect, Step step) {
        try {
            redirect.addFlashAttribute("notice", step.run());
        } catch (InquiryException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/inquiries/" + id;
    }
}
