package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.plan.PlanLoader;
import io.compclose.core.plan.PlanValidationException;
import io.compclose.rules.Conditions;
import io.compclose.system.PayCalendar;

/** Loads the inbox's plans once per folder. Invalid plans stop the close as bad input. */
@Component
public class PlanFiles {

    private static final Logger log = LoggerFactory.getLogger(PlanFiles.class);

    private final Map<Path, PlanCatalog> loaded = new ConcurrentHashMap<>();
    private final PlanLoader loader = new PlanLoader(Conditions::problem);
    private final PayCalendar calendar;

    public PlanFiles(PayCalendar calendar) {
        this.calendar = calendar;
    }

    public PlanCatalog catalog(Path plansDir) {
        return loaded.computeIfAbsent(plansDir.toAbsolutePath().normalize(), dir -> {
            PlanCatalog catalog;
            try {
                catalog = loader.load(dir);
            } catch (PlanValidationException e) {
                throw new BadInputException("plans/: " + e.getMessage(), e);
            }
            catalog.warnings().forEach(warning -> log.warn("plans/: {}", warning));
            FiscalYear fiscal = calendar.fiscalYear();
            List<String> otherNaming = catalog.plans().stream().flatMap(p -> otherYearNaming(p, fiscal).stream())
                    .toList();
            if (!otherNaming.isEmpty()) {
                throw new BadInputException("plans/: " + String.join("; ", otherNaming));
            }
            return catalog;
        });
    }

    /**
     * Quotas written for a year or quarter in the other naming ("2026-Q1" when the plan year starts in
     * February, "FY2027-Q1" when it is the calendar year) would match no window and price nothing.
     */
    static List<String> otherYearNaming(Plan plan, FiscalYear fiscal) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < plan.components().size(); i++) {
            for (String key : plan.components().get(i).quotaByPeriod().keySet()) {
                if (!fiscal.names(key)) {
                    problems.add(plan.sourceFile() + ": plan " + plan.id() + " v" + plan.version() + ": components["
                            + i + "].quota_by_period." + key + ": the plan year " + (fiscal.isCalendar()
                            ? "is the calendar year (no pay calendar names a fiscal year): write YYYY or YYYY-Qn"
                            : "starts in " + fiscal.firstMonth() + " (the pay calendar): write its quarters as "
                                    + fiscal.quarterKey(YearMonth.from(plan.effectiveFrom()))
                                    + " and its year as " + fiscal.name(YearMonth.from(plan.effectiveFrom()))));
                }
            }
        }
        return problems;
    }

    /** Forgets what was loaded, so a restarted close reads the corrected files. */
    public void forget() {
        loaded.clear();
    }
}
