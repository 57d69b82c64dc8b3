package io.compclose.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PaySchedule;

/** The catalog the product ships, and what a catalog with mistakes is told. */
class JobCatalogTests {

    @TempDir
    Path dir;

    @Test
    void theShippedCatalogHasTheCloseTheUsageIntakeAndTheResend() {
        JobCatalog catalog = JobCatalog.load(Path.of("jobs/catalog"));

        assertThat(catalog.entries()).extracting(e -> e.name() + " " + e.command().word() + " '" + e.cron() + "' "
                + e.zone() + " " + e.period().word() + " " + e.inbox() + " " + e.requestedBy()).containsExactly(
                "daily-usage-intake usage-intake '0 30 5 * * *' UTC current-month inbox/{period} null",
                "monthly-close close '0 0 6 1-10 * *' UTC previous-month inbox/{period} null",
                "statement-resend resend '0 0 7 2-15 * *' UTC previous-month null schedule statement-resend");
        CatalogEntry close = catalog.entries().get(1);
        assertThat(close.inboxOf(PayPeriod.of(YearMonth.of(2026, 10)))).isEqualTo(Path.of("inbox/2026-10"));
    }

    @Test
    void theCloseRunsEachMorningOfTheFirstTenDaysForTheMonthJustEnded() {
        CatalogEntry close = JobCatalog.load(Path.of("jobs/catalog")).entries().get(1);

        assertThat(next(close, "2026-10-31T12:00:00Z")).isEqualTo("2026-11-01T06:00:00Z");
        assertThat(next(close, "2026-11-01T06:00:00Z")).isEqualTo("2026-11-02T06:00:00Z");
        assertThat(next(close, "2026-11-10T06:00:00Z")).isEqualTo("2026-12-01T06:00:00Z");
        assertThat(close.period().periodAt(ZonedDateTime.parse("2026-11-01T06:00:00Z"), PaySchedule.MONTHLY))
                .isEqualTo(PayPeriod.of(YearMonth.of(2026, 10)));
        assertThat(close.period().periodAt(ZonedDateTime.parse("2027-01-01T06:00:00Z"), PaySchedule.MONTHLY))
                .isEqualTo(PayPeriod.of(YearMonth.of(2026, 12)));
    }

    @Test
    void theZoneDecidesTheHourAndThePeriod() throws Exception {
        Files.writeString(dir.resolve("close.yaml"), """
                name: close-paris
                command: close
                cron: "0 0 0 1 * *"
                zone: Europe/Paris
                period: previous-month
                inbox: inbox/{period}
                """);
        CatalogEntry close = JobCatalog.load(dir).entries().get(0);

        // midnight in Paris on 1 December is 23:00 UTC on 30 November (CET, UTC+1): already December there
        assertThat(next(close, "2026-11-15T00:00:00Z")).isEqualTo("2026-11-30T23:00:00Z");
        assertThat(close.period().periodAt(Instant.parse("2026-11-30T23:00:00Z").atZone(close.zone()),
                PaySchedule.MONTHLY))
                .isEqualTo(PayPeriod.of(YearMonth.of(2026, 11)));
    }

    @Test
    void everyProblemIsNamedByFileAndFieldInFieldOrder() throws Exception {
        Files.writeString(dir.resolve("a-close.yaml"), """
                name: close
                command: clsoe
                cron: "0 6 1 * *"
                zone: Mars/Olympus
                period: last-month
                inbox: inbox/2026-10
                retries: 3
                """);
        Files.writeString(dir.resolve("b-intake.yaml"), """
                name: intake
                command: usage-intake
                cron: "0 30 5 * * *"
                zone: UTC
                period: current-month
                requested_by: ops
                """);
        Files.writeString(dir.resolve("c-resend.yaml"), """
                name: intake
                command: resend
                cron: "0 0 7 2-15 * *"
                zone: UTC
                period: previous-month
                """);
        Files.writeString(dir.resolve("d-broken.yml"), "name: [unclosed\n");
        Files.writeString(dir.resolve("notes.txt"), "not a job");

        assertThatThrownBy(() -> JobCatalog.load(dir)).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).isEqualTo("a-close.yaml: command: unknown command 'clsoe' (known: close, "
                                + "usage-intake, resend)"),
                        p -> assertThat(p).startsWith("a-close.yaml: cron: not a cron expression of six fields "
                                + "(second minute hour day-of-month month day-of-week): ").contains("found 5"),
                        p -> assertThat(p).isEqualTo("a-close.yaml: period: unknown period 'last-month' (known: "
                                + "previous-month, current-month)"),
                        p -> assertThat(p).isEqualTo("a-close.yaml: retries: unknown field 'retries' (known here: "
                                + "command, cron, inbox, name, period, requested_by, zone)"),
                        p -> assertThat(p).isEqualTo("a-close.yaml: zone: must be a time zone (a region such as "
                                + "Europe/Paris, or UTC), was 'Mars/Olympus'"),
                        p -> assertThat(p).isEqualTo("b-intake.yaml: inbox: is required for usage-intake, as in "
                                + "inbox/{period}"),
                        p -> assertThat(p).isEqualTo("b-intake.yaml: requested_by: only a resend records who "
                                + "requested it"),
                        p -> assertThat(p).isEqualTo("c-resend.yaml: name: 'intake' is already the name of the job "
                                + "in b-intake.yaml"),
                        p -> assertThat(p).startsWith("d-broken.yml: not readable as YAML: ")));
    }

    @Test
    void anInboxWithoutThePeriodAndAnEmptyFolderAreRefused() throws Exception {
        assertThatThrownBy(() -> JobCatalog.load(dir)).hasMessageContaining(dir + ": no job files (*.yaml)");
        assertThatThrownBy(() -> JobCatalog.load(dir.resolve("nope")))
                .hasMessageContaining(dir.resolve("nope") + ": job catalog folder not found");

        Files.writeString(dir.resolve("close.yaml"), """
                name: close
                command: close
                cron: "0 0 6 1 * *"
                zone: UTC
                period: previous-month
                inbox: /data/inbox/current
                """);
        assertThatThrownBy(() -> JobCatalog.load(dir)).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.problems()).containsExactly("close.yaml: inbox: must name the period's folder with "
                        + "{period}, as in inbox/{period}, was '/data/inbox/current'"));
    }

    private static String next(CatalogEntry entry, String after) {
        SimpleTriggerContext context = new SimpleTriggerContext(java.time.Clock.fixed(Instant.parse(after),
                ZoneId.of("UTC")));
        return new CronTrigger(entry.cron(), entry.zone()).nextExecution(context).toString();
    }
}
