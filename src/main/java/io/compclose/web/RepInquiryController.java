package io.compclose.web;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

import io.compclose.core.inquiry.Attachment;
import io.compclose.core.inquiry.InquiryException;
import io.compclose.core.plan.PayPeriod;
import io.compclose.inquiry.InquiryDesk;
import io.compclose.inquiry.InquiryRepository;

/** A rep's inquiries on their own statements: raise one, read finance's answers. Another rep's are refused. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class RepInquiryController {

    private final InquiryDesk desk;
    private final InquiryRepository inquiries;
    private final OwnDataOnly ownDataOnly;

    public RepInquiryController(InquiryDesk desk, InquiryRepository inquiries, OwnDataOnly ownDataOnly) {
        this.desk = desk;
        this.inquiries = inquiries;
        this.ownDataOnly = ownDataOnly;
    }

    @GetMapping("/me/inquiries")
    String mine(Model model, @AuthenticationPrincipal ConsoleUser user) {
        model.addAttribute("repId", user.repId());
        model.addAttribute("inquiries", inquiries.ofRep(user.repId()).stream()
                .map(i -> new InquiryView(i, inquiries.messages(i.id()))).toList());
        return "my-inquiries";
    }

    @GetMapping("/me/inquiries/new")
    String form(@RequestParam PayPeriod period, @RequestParam int version, @RequestParam(required = false) Integer line,
            Model model, @AuthenticationPrincipal ConsoleUser user, HttpServletResponse response) {
        model.addAttribute("period", period);
        model.addAttribute("version", version);
        model.addAttribute("line", line);
        model.addAttribute("lines", inquiries.lines(user.repId(), period.toString()));
        if (inquiries.statementCurrency(user.repId(), period.toString(), version).isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "You have no statement " + period + " version " + version + ".");
        }
        return "inquiry-new";
    }

    @PostMapping("/me/inquiries")
    String raise(@RequestParam PayPeriod period, @RequestParam int version,
            @RequestParam(required = false) Integer line, @RequestParam(required = false) String text,
            @RequestParam(required = false) MultipartFile attachment, Model model,
            @AuthenticationPrincipal ConsoleUser user, HttpServletResponse response) throws IOException {
        try {
            // a form sent with no file chosen has a part with no name
            Attachment file = attachment == null || attachment.getOriginalFilename() == null
                    || attachment.getOriginalFilename().isBlank() ? null
                    : Attachment.of(attachment.getOriginalFilename(), attachment.getBytes());
            long id = desk.raise(user.repId(), user.getUsername(), period, version, line, text, file);
            return "redirect:/me/inquiries/" + id;
        } catch (InquiryException refused) {
            String view = form(period, version, line, model, user, response);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("text", text);
            return view;
        }
    }

    @GetMapping("/me/inquiries/{id}")
    String one(@PathVariable long id, Model model, @AuthenticationPrincipal ConsoleUser user) {
        InquiryRepository.Inquiry inquiry = own(id, user);
        model.addAttribute("view", new InquiryView(inquiry, inquiries.messages(id)));
        model.addAttribute("finance", false);
        return "inquiry";
    }

    @GetMapping("/me/inquiries/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @AuthenticationPrincipal ConsoleUser user) {
        own(id, user);
        return download(inquiries, id);
    }

    /** The attachment as the content showed it to be, as a download (never rendered in the console's origin). */
    static ResponseEntity<byte[]> download(InquiryRepository inquiries, long id) {
        return inquiries.attachment(id).map(a -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.fileName())
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(a.contentType())).body(a.content()))
                .orElse(ResponseEntity.notFound().build());
    }

    /** The signed-in rep's inquiry; another rep's is refused, and the attempt is in the audit trail. */
    private InquiryRepository.Inquiry own(long id, ConsoleUser user) {
        InquiryRepository.Inquiry inquiry = inquiries.find(id).orElseThrow(() -> new NotFound(id));
        ownDataOnly.check(user, inquiry.repId(), inquiry.period(), "inquiry #" + id);
        return inquiry;
    }

    /** An inquiry that does not exist: 404. */
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        NotFound(long id) {
            super("no inquiry #" + id);
        }
    }
}
