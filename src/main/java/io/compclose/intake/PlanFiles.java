package io.compclose.intake;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.compclose.plan.PlanCatalog;
import io.compclose.plan.PlanLoader;
import io.compclose.plan.PlanValidationException;

/** Loads the inbox's plans once per folder; invalid plans stop the close as bad input. */
@Component
public class PlanFiles {

    private final Map<Path, PlanCatalog> loaded = new ConcurrentHashMap<>();
    private final PlanLoader loader = new PlanLoader();

    public PlanCatalog catalog(Path plansDir) {
        return loaded.computeIfAbsent(plansDir.toAbsolutePath().normalize(), dir -> {
            try {
                return loader.load(dir);
            } catch (PlanValidationException e) {
                throw new BadInputException("plans/: " + e.getMessage(), e);
            }
        });
    }

    /** Forgets what was loaded, so a restarted close reads the corrected files. */
    public void forget() {
        loaded.clear();
    }
}
