package io.compclose.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import io.compclose.intake.CloseInputs;
import io.compclose.intake.InputFileRepository;
import io.compclose.intake.InputFileRepository.ReadInput;
import io.compclose.job.MonthlyCloseJobConfiguration;
import io.compclose.period.PeriodRevisionRepository;
import io.compclose.system.CloseRun;

/**
 * Compares an inbox with what a close of the period has read (close_input), and, when an input
 * changed before anything was paid or sent, makes the restart read it again: the rows of the steps
 * from the one reading it on are cleared and those steps forgotten, so they run as if for the first time.
 */
@Component
public record InputChanges(InputFileRepository inputs, PeriodRevisionRepository revisions, CloseHistory history) {

    /** An input file whose content differs from what the close read; a null sha is an absent file. */
    public record Change(String fileName, String readBy, String was, String now) {

        public String describe(String since) {
            return fileName + " changed since " + since + " (" + shown(was) + " then, " + shown(now) + " now)";
        }

        /** "sha 3f1c2a9b04de", or "absent" for a file that was not there. */
        static String shown(String sha) {
            return sha == null ? "absent" : "sha " + sha.substring(0, 12);
        }
    }

    /** The inputs the close (revision) has read that differ in {@code inbox}, in the order the close reads them. */
    public List<Change> since(CloseRun run, Path inbox) {
        Map<String, Map<String, String>> readByStep = new LinkedHashMap<>();
        for (ReadInput read : inputs.read(run.period(), run.revision())) {
            readByStep.computeIfAbsent(read.readBy(), step -> new LinkedHashMap<>()).put(read.fileName(), read.sha256());
        }
        List<Change> changes = new ArrayList<>();
        for (String step : MonthlyCloseJobConfiguration.STEP_ORDER) {
            Map<String, String> was = readByStep.get(step);
            if (was == null) {
                continue;
            }
            Map<String, String> now = CloseInputs.fingerprints(step, inbox);
            Set<String> names = new java.util.TreeSet<>(was.keySet());
            names.addAll(now.keySet());
            for (String name : names) {
                if (!Objects.equals(was.get(name), now.get(name))) {
                    changes.add(new Change(name, step, was.get(name), now.get(name)));
                }
            }
        }
        return changes;
    }

    /**
     * What of the close has reached payroll or people, if anything: once the payroll file is exported,
     * statements follow, and a changed input can only be paid through a revision.
     */
    public Optional<String> wentOut(CloseRun run, JobExecution last) {
        Set<String> stepsRun = history.stepsRun(last);
        if (stepsRun.contains("deliverStatements")) {
            return Optional.of("statements of " + run.period() + " were being sent");
        }
        Path payroll = run.payrollDir().resolve(run.payrollName() + ".csv");
        if (stepsRun.contains("exportPayroll") || Files.exists(payroll)) {
            return Optional.of(payroll.getFileName() + " was exported");
        }
        return Optional.empty();
    }

    /**
     * Makes the next restart read the changed inputs again: clears what the steps from {@code first}, the
     * first one reading a changed file, on wrote, and forgets those steps.
     */
    public void readAgain(CloseRun run, JobExecution last, String first) {
        List<String> steps = MonthlyCloseJobConfiguration.stepsFrom(first);
        revisions.clearWrittenBy(run.period(), run.revision(), steps);
        history.forget(last, steps);
    }

    /** The first step of the close that reads one of the changed files. */
    static String firstReading(List<Change> changes) {
        return MonthlyCloseJobConfiguration.STEP_ORDER.stream()
                .filter(step -> changes.stream().anyMatch(c -> c.readBy().equals(step))).findFirst().orElseThrow();
    }
}
