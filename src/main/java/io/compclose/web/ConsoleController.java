package io.compclose.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

import jakarta.servlet.http.HttpSession;

import io.compclose.audit.AuditLogRepository;
import io.compclose.core.plan.PayPeriod;
import io.compclose.intake.IntakeStepsConfiguration;
import io.compclose.intake.RejectsRepository;

/** The console's pages so far: sign-in, the periods for finance, the payroll files, a rep's statements. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class ConsoleController {

    /** The period a payroll file is named after: payroll-2026-10.csv, payroll-2026-10-15-r2.ctl. */
    private static final Pattern PAYROLL_PERIOD =
            Pattern.compile("^payroll-(\\d{4}-\\d{2}(?:-\\d{2})?)(?![\\d])");

    static final int REJECTS_PAGE = 100;

    private final PeriodOverview periods;
    private final PayrollFiles payrollFiles;
    private final AuditLogRepository audit;
    private final RepStatementsRepository statements;
    private final ReviewDesk reviews;
    private final CloseRunner closes;
    private final RejectsRepository rejects;
    private final OwnDataOnly ownDataOnly;

    public ConsoleController(PeriodOverview periods, PayrollFiles payrollFiles, AuditLogRepository audit,
            RepStatementsRepository statements, ReviewDesk reviews, CloseRunner closes, RejectsRepository rejects,
            OwnDataOnly ownDataOnly) {
        this.closes = closes;
        this.rejects = rejects;
        this.ownDataOnly = ownDataOnly;
        this.periods = periods;
        this.payrollFiles = payrollFiles;
        this.audit = audit;
        this.statements = statements;
        this.reviews = reviews;
    }

    /** The sign-in form; after a failed attempt, why: the throttle's wait, or a wrong name or password. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
        if (error != null) {
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("loginError", failure instanceof LockedException locked ? locked.getMessage()
                    : "Wrong username or password.");
        }
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal ConsoleUser user) {
        return "redirect:" + user.role().home();
    }

    @GetMapping("/periods")
    String periods(Model model) {
        java.util.List<PeriodRow> rows = periods.periods();
        model.addAttribute("periods", rows);
        model.addAttribute("nextClose", periods.nextToClose(rows));
        return "periods";
    }

    @GetMapping("/periods/{period}/review")
    String review(@PathVariable PayPeriod period, Model model) {
        model.addAttribute("review", reviews.of(period));
        return "review";
    }

    /** Approves the close stopped for review, as {@code approve --by=<the signed-in user>} does. */
    @PostMapping("/periods/{period}/approve")
    String approve(@PathVariable PayPeriod period, @RequestParam(required = false) String note,
            @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        ReviewDesk.Outcome outcome = reviews.approve(period, user.getUsername(), note);
        redirect.addFlashAttribute(outcome.approved() ? "notice" : "problem", outcome.message());
        return "redirect:/periods/" + period + "/review";
    }

    /** Continues the period's close (after approval, after a failure) as the close command would. */
    @PostMapping("/periods/{period}/continue")
    String continueClose(@PathVariable PayPeriod period, @AuthenticationPrincipal ConsoleUser user,
            RedirectAttributes redirect) {
        CloseRunner.Start start = closes.continueClose(period, user.getUsername());
        if (!start.started()) {
            redirect.addFlashAttribute("problem", String.join(" ", start.problems()));
        }
        return "redirect:/periods/" + period + "/close";
    }

    @GetMapping("/periods/{period}/close")
    String closeProgress(@PathVariable PayPeriod period, Model model) {
        model.addAttribute("period", period);
        model.addAttribute("progress", closes.progress(period));
        return "close";
    }

    /** The period's rejected rows, filtered, {@value #REJECTS_PAGE} to a page. */
    @GetMapping("/periods/{period}/rejects")
    String rejects(@PathVariable PayPeriod period, RejectsRepository.Filter filter,
            @RequestParam(defaultValue = "1") int page, Model model) {
        Paging paging = Paging.of(rejects.count(period.toString(), filter), REJECTS_PAGE, page);
        model.addAttribute("period", period);
        model.addAttribute("filter", filter);
        model.addAttribute("choices", rejects.choices(period.toString()));
        model.addAttribute("rows", rejects.page(period.toString(), filter, paging.offset(), REJECTS_PAGE));
        paging.addTo(model);
        return "rejects";
    }

    /** The same rows as a CSV file, as the close publishes its rejects (spreadsheet-safe cells). */
    @GetMapping("/periods/{period}/rejects.csv")
    ResponseEntity<byte[]> rejectsCsv(@PathVariable PayPeriod period, RejectsRepository.Filter filter) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rejects-" + period + ".csv").build().toString())
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(IntakeStepsConfiguration.rejectsCsv(rejects.all(period.toString(), filter)));
    }

    @GetMapping("/payroll")
    String payroll(Model model) {
        model.addAttribute("files", payrollFiles.all());
        return "payroll";
    }

    /** A rep's own statements: the signed-in rep's, whatever a URL says. */
    @GetMapping("/me")
    String myStatements(Model model, @AuthenticationPrincipal ConsoleUser user) {
        model.addAttribute("repId", user.repId());
        model.addAttribute("statements", statements.of(user.repId()));
        return "me";
    }

    /**
     * The link a statement prints under {@code compclose.statement.employer.console-url}: the rep's own statements.
     * Another rep's is refused, and the attempt is in the audit trail.
     */
    @GetMapping("/statements/{period}/{rep}")
    String statementLink(@PathVariable PayPeriod period, @PathVariable String rep,
            @AuthenticationPrincipal ConsoleUser user) {
        ownDataOnly.check(user, rep, period, "the statement");
        return "redirect:" + (user.role() == ConsoleRole.FINANCE ? "/periods/" + period + "/review" : user.role().home());
    }

    @GetMapping("/me/statements/{period}/{version}")
    ResponseEntity<FileSystemResource> myStatement(@PathVariable String period, @PathVariable int version,
            @AuthenticationPrincipal ConsoleUser user) {
        return statements.file(user.repId(), period, version).map(Path::of).filter(Files::isRegularFile)
                .map(file -> InlinePdf.of(file, "statement-" + period + "-" + user.repId() + ".pdf"))
                .orElse(ResponseEntity.notFound().build());
    }

    /** A payroll or control file, as an attachment; the download is in the audit trail. */
    @GetMapping("/payroll/files/{name}")
    ResponseEntity<FileSystemResource> download(@PathVariable String name, @AuthenticationPrincipal ConsoleUser user) {
        return payrollFiles.file(name).map(file -> {
            audit.record(user.getUsername(), AuditLogRepository.Action.DOWNLOAD,
                    PAYROLL_PERIOD.matcher(name).results().map(m -> m.group(1)).findFirst().orElse(null),
                    "downloaded " + name + " from the console");
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                            .toString())
                    .contentType(MediaType.parseMediaType("text/csv"))
                    .body(new FileSystemResource(file));
        }).orElse(ResponseEntity.notFound().build());
    }
}
