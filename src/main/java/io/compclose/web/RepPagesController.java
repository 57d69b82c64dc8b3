package io.compclose.web;

import java.time.YearMonth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.compclose.core.plan.PayPeriod;

/**
 * One rep's pages: for finance, a period's reps and each rep's pay drilled down to its source rows, and the rep's
 * year to date; for a rep, their own statement as a page and their year to date (the signed-in rep's only).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
public class RepPagesController {

    static final int REPS_PAGE = 50;

    private final RepPages pages;
    private final RepDrillDownRepository reps;

    public RepPagesController(RepPages pages, RepDrillDownRepository reps) {
        this.pages = pages;
        this.reps = reps;
    }

    /** The period's paid reps, found by id or name, {@value #REPS_PAGE} to a page. */
    @GetMapping("/periods/{period}/reps")
    String periodReps(@PathVariable PayPeriod period, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") int page, Model model) {
        if (!reps.hasPayouts(period.toString())) {
            throw notFound();
        }
        Paging paging = Paging.of(reps.countPaidReps(period.toString(), q), REPS_PAGE, page);
        model.addAttribute("period", period);
        model.addAttribute("q", q);
        model.addAttribute("reps", reps.paidReps(period.toString(), q, paging.offset(), REPS_PAGE));
        paging.addTo(model);
        return "period-reps";
    }

    @GetMapping("/periods/{period}/reps/{rep}")
    String drillDown(@PathVariable PayPeriod period, @PathVariable String rep, Model model) {
        model.addAttribute("pay", pages.drillDown(period, rep).orElseThrow(RepPagesController::notFound));
        return "rep-drilldown";
    }

    /** The usage.csv rows of an account's month that a usage line priced, with their lines (the first 200). */
    @GetMapping("/periods/{period}/usage/{account}/{month}")
    String usageRows(@PathVariable PayPeriod period, @PathVariable String account, @PathVariable YearMonth month,
            Model model) {
        model.addAttribute("period", period);
        model.addAttribute("account", account);
        model.addAttribute("month", month);
        model.addAttribute("rows", reps.usage(period.toString(), account, month.toString()));
        model.addAttribute("shownAtMost", RepDrillDownRepository.USAGE_ROWS);
        return "usage-rows";
    }

    @GetMapping("/periods/{period}/reps/{rep}/ytd")
    String yearToDate(@PathVariable PayPeriod period, @PathVariable String rep, Model model) {
        model.addAttribute("ytd", pages.yearToDate(period, rep).orElseThrow(RepPagesController::notFound));
        model.addAttribute("mine", false);
        return "rep-ytd";
    }

    @GetMapping("/me/ytd")
    String myYearToDate(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("ytd", pages.latestYearToDate(user.repId()).orElse(null));
        model.addAttribute("mine", true);
        return "rep-ytd";
    }

    /** The signed-in rep's statement as a page: what the PDF shows, with a way to ask about each line. */
    @GetMapping("/me/statements/{period}/{version}/page")
    String myStatement(@PathVariable PayPeriod period, @PathVariable int version,
            @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("statement", pages.statement(user.repId(), period, version)
                .orElseThrow(RepPagesController::notFound));
        return "me-statement";
    }


    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
