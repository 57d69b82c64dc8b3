package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each step of the close fingerprints of the inbox. */
class CloseInputsTests {

    /** SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path inbox;

    @Test
    void validatePlansReadsCreditingAndEveryPlanFileTheLoaderTakes() throws Exception {
        // given
        Files.createDirectories(inbox.resolve("plans"));
        Files.writeString(inbox.resolve("plans/b.YML"), "abc");
        Files.writeString(inbox.resolve("plans/a.yaml"), "abc");
        Files.writeString(inbox.resolve("plans/notes.txt"), "abc");

        // then crediting.yaml is recorded absent, the plans by name, the text file not at all
        assertThat(CloseInputs.fingerprints("validatePlans", inbox)).containsExactly(entry("crediting.yaml", null),
                entry("plans/a.yaml", ABC), entry("plans/b.YML", ABC));
    }

    @Test
    void aLoadStepReadsItsFileAndAStepReadingNoneFingerprintsNothing() throws Exception {
        Files.writeString(inbox.resolve("reps.csv"), "abc");

        assertThat(CloseInputs.fingerprints("loadReps", inbox)).containsExactly(entry("reps.csv", ABC));
        assertThat(CloseInputs.fingerprints("loadFxRates", inbox)).containsExactly(entry("fx_rates.csv", null));
        assertThat(CloseInputs.fingerprints("calculateEarnings", inbox)).isEmpty();
        assertThat(CloseInputs.reads("loadUsage")).isTrue();
        assertThat(CloseInputs.reads("reconcile")).isFalse();
    }
}
