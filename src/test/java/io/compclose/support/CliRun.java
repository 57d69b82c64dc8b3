package io.compclose.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.compclose.cli.Cli;

/** Runs the real command line in-process and keeps its exit code and what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(List<String> args, Class<?>... extraConfiguration) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(new ArrayList<>(args).toArray(String[]::new), o, e, extraConfiguration);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Closes a period quietly into {@code out} on the database at {@code url}: the embedded default
     * when it is an H2 URL, else the given one.
     */
    public static CliRun close(String period, Path inbox, Path out, String url, String... extra) {
        List<String> args = new ArrayList<>(List.of("close", "--period=" + period, "--inbox=" + inbox,
                "--out=" + out, "--compclose.progress=false"));
        if (!url.startsWith("jdbc:h2:")) {
            args.add("--spring.datasource.url=" + url);
        }
        args.addAll(List.of(extra));
        return of(args);
    }

    /** A database number as a rep would write it: 6000.0000 is 6000, 0.60 is 0.6. */
    public static String plain(Object number) {
        return ((BigDecimal) number).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
