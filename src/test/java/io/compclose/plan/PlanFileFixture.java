package io.compclose.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanValidationException;
import io.compclose.rules.Conditions;

/** One plan file, {@code p.yaml}, written into a folder and read as a close reads it: the plan, or what is refused. */
public record PlanFileFixture(Path folder) {

    private static final PlanLoader LOADER = new PlanLoader(Conditions::problem);

    public Plan load(String yaml) {
        write(yaml);
        return LOADER.load(folder).plans().get(0);
    }

    /** The problems the loader names, none when the file is read. */
    public List<String> problemsOf(String yaml) {
        write(yaml);
        try {
            LOADER.load(folder);
            return List.of();
        } catch (PlanValidationException e) {
            return e.problems();
        }
    }

    private void write(String yaml) {
        try {
            Files.writeString(folder.resolve("p.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
