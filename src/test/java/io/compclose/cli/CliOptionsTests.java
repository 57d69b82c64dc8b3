package io.compclose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.compclose.support.CliRun;

/** The command line as picocli parses it: each command's typed options, usage errors, and the generated help. */
class CliOptionsTests {

    private static Object parsed(String... args) {
        return Arguments.parse(args).command();
    }

    @Test
    void closeTakesAMonthFoldersAndItsFlags() {
        Commands.Close close = (Commands.Close) parsed("close", "--period=2026-10", "--inbox=in", "--out=o",
                "--revise", "--allow-empty=Bookings.csv");

        assertThat(close.period).isEqualTo("2026-10");
        assertThat(close.inbox).isEqualTo(Path.of("in"));
        assertThat(close.out()).isEqualTo(Path.of("o"));
        assertThat(close.revise).isTrue();
        assertThat(close.allowEmpty()).isEqualTo(Set.of("bookings"));

        Commands.Close defaults = (Commands.Close) parsed("close", "--period", "2026-11", "--inbox", "in");
        assertThat(defaults.period).isEqualTo("2026-11");
        assertThat(defaults.out()).isEqualTo(Path.of("out"));
        assertThat(defaults.revise).isFalse();
        assertThat(defaults.allowEmpty()).isEmpty();
    }

    @Test
    void theOtherCommandsTakeTheirTypedOptions() {
        Commands.Status status = (Commands.Status) parsed("status");
        assertThat(status.period).isNull();
        assertThat(((Commands.Status) parsed("status", "--period=2026-01")).period).isEqualTo("2026-01");

        Commands.Approve approve = (Commands.Approve) parsed("approve", "--period=2026-10", "--by=Dana",
                "--note=ok after checking R010");
        assertThat(List.of(approve.period, approve.by, approve.note))
                .containsExactly("2026-10", "Dana", "ok after checking R010");

        Commands.Lock lock = (Commands.Lock) parsed("lock", "--period=2026-10", "--by=Dana");
        assertThat(List.of(lock.period, lock.by)).containsExactly("2026-10", "Dana");
        assertThat(lock.note).isNull();

        Commands.Resend resend = (Commands.Resend) parsed("resend", "--period=2026-10", "--rep=R001", "--by=ops");
        assertThat(List.of(resend.period, resend.rep, resend.by)).containsExactly("2026-10", "R001",
                "ops");

        Commands.UsageIntake usage = (Commands.UsageIntake) parsed("usage-intake", "--period=2026-10", "--inbox=u");
        assertThat(List.of(usage.period, usage.inbox)).containsExactly("2026-10", Path.of("u"));

        Commands.Serve serve = (Commands.Serve) parsed("serve");
        assertThat(List.of(serve.jobs, serve.out(), serve.worker)).containsExactly(Path.of("jobs/catalog"),
                Path.of("out"), false);
        assertThat(((Commands.Serve) parsed("serve", "--worker", "--jobs=j")).worker).isTrue();
    }

    @Test
    void springSettingsPassThroughAndAreNotOptionsOfTheCommand() {
        Arguments line = Arguments.parse(new String[] {"close", "--period=2026-10", "--spring.datasource.url=jdbc:h2:mem:x",
                "--inbox=in", "--compclose.progress=false", "--logging.level.root=warn", "--server.port=0",
                "--management.server.port=0"});

        assertThat(line.command()).isInstanceOf(Commands.Close.class);
        assertThat(line.springArgs()).containsExactly("--spring.datasource.url=jdbc:h2:mem:x",
                "--compclose.progress=false", "--logging.level.root=warn", "--server.port=0",
                "--management.server.port=0");
    }

    @Test
    void inputsPrintsTheInputContractWithoutStartingAnything() {
        CliRun run = CliRun.of(List.of("inputs"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(io.compclose.intake.InputContract.markdown())
                .startsWith("# Input contract (version 1)\n");
        assertThat(run.err()).isEmpty();
        assertThat(CliRun.of(List.of("help")).out()).contains("inputs");
    }

    @Test
    void aBadMonthIsExitTwoWithOneClearLine() {
        CliRun run = CliRun.of(List.of("status", "--period=2026-1"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("compclose: --period must be a month YYYY-MM, was '2026-1' (on a "
                + "semi-monthly or bi-weekly pay calendar: the period's last day, YYYY-MM-DD)\n"
                + "run 'java -jar compclose.jar help' for usage\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMistypedOptionOrCommandIsAnsweredWithTheNearestValidOne() {
        CliRun option = CliRun.of(List.of("close", "--perod=2026-10", "--inbox=."));
        assertThat(option.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(option.err()).isEqualTo("compclose: unknown option '--perod=2026-10'; did you mean --period?\n");

        CliRun command = CliRun.of(List.of("clsoe", "--period=2026-10"));
        assertThat(command.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(command.err()).isEqualTo("compclose: unknown command 'clsoe'; did you mean close?\n");

        // nothing is a typo away: no guess, the pointer to the help instead
        assertThat(CliRun.of(List.of("frobnicate")).err()).isEqualTo("compclose: unknown command 'frobnicate'\n"
                + "run 'java -jar compclose.jar help' for usage\n");
        assertThatThrownBy(() -> parsed("close", "--period=2026-10", "--inbox=.", "--dry-run"))
                .hasMessage("unknown option '--dry-run'");
        assertThatThrownBy(() -> parsed("close")).hasMessage("--period=YYYY-MM, --inbox=DIR are required");
        assertThatThrownBy(() -> parsed("approve", "--period=2026-10")).hasMessage("--by=NAME is required");
        assertThatThrownBy(() -> parsed("lock", "--by=x", "--period=2026-10", "extra"))
                .hasMessage("unexpected argument 'extra'");
    }

    @Test
    void helpCloseAndCloseHelpPrintTheGeneratedUsageOfClose() {
        CliRun help = CliRun.of(List.of("help", "close"));

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("""
                Usage: java -jar compclose.jar close --period=YYYY-MM --inbox=DIR [--out=DIR]
                                                     [--revise] [--allow-empty=bookings]
                run the close of a pay period, or restart it where it stopped;
                """).contains("      --period=YYYY-MM   the pay period; on a semi-monthly or bi-weekly pay\n")
                .contains("      --revise           recalculate a closed period from a corrected inbox\n")
                .doesNotContain("--jobs");
        assertThat(CliRun.of(List.of("close", "--help")).out()).isEqualTo(help.out());
        assertThat(CliRun.of(List.of("help", "serve")).out()).startsWith(
                "Usage: java -jar compclose.jar serve [--jobs=DIR] [--out=DIR]\n"
                        + "java -jar compclose.jar serve --worker [--out=DIR]\n");
        CliRun unknown = CliRun.of(List.of("help", "lokc"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).isEqualTo("compclose: unknown command 'lokc'; did you mean lock?\n");
    }

    @Test
    void theOverviewListsEveryCommandWithItsUsageLineAsTheReadmeShowsIt() {
        CliRun help = CliRun.of(List.of("help"));

        assertThat(help.exitCode()).isZero();
        // the lines of README.md's "Commands and exit codes"
        assertThat(help.out().replaceAll("\n {20,}", " ")).contains(
                "compclose.jar close --period=YYYY-MM --inbox=DIR [--out=DIR] [--revise] [--allow-empty=bookings]\n",
                "compclose.jar status [--period=YYYY-MM] [--out=DIR]\n",
                "compclose.jar approve --period=YYYY-MM --by=NAME [--note=TEXT] [--out=DIR]\n",
                "compclose.jar lock --period=YYYY-MM --by=NAME [--note=TEXT] [--out=DIR]\n",
                "compclose.jar resend --period=YYYY-MM [--rep=ID] [--by=NAME] [--out=DIR]\n",
                "compclose.jar usage-intake --period=YYYY-MM --inbox=DIR [--out=DIR]\n",
                "compclose.jar serve [--jobs=DIR] [--out=DIR]\n",
                "compclose.jar serve --worker [--out=DIR]\n",
                "compclose.jar help [<command>]\n",
                "exit codes: 0 completed, 1 failed");
        assertThat(CliRun.of(List.of("--help")).out()).isEqualTo(help.out());
    }
}
