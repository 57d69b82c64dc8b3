package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.compclose.core.plan.PlanCatalog;
import io.compclose.plan.PlanLoader;
import io.compclose.core.plan.PlanValidationException;
import io.compclose.rules.Conditions;

/** Loads the inbox's plans once per folder. Invalid plans stop the close as bad input. */
@Component
public class PlanFiles {

    private static final Logger log = LoggerFactory.getLogger(PlanFiles.class);

    private final Map<Path, PlanCatalog> loaded = new ConcurrentHashMap<>();
    private final PlanLoader loader = new PlanLoader(Conditions::problem);

    public PlanCatalog catalog(Path plansDir) {
        return loaded.computeIfAbsent(plansDir.toAbsolutePath().normalize(), dir -> {
            PlanCatalog catalog;
            try {
                catalog = loader.load(dir);
            } catch (PlanValidationException e) {
                throw new BadInputException("plans/: " + e.getMessage(), e);
            }
            catalog.warnings().forEach(warning -> log.warn("plans/: {}", warning));
            return catalog;
        });
    }

    /** Forgets what was loaded, so a restarted close reads the corrected files. */
    public void forget() {
        loaded.clear();
    }
}
