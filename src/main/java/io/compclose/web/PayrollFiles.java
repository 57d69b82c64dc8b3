package io.compclose.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.compclose.cli.ServeProperties;

/**
 * The payroll files the closes wrote under {@code --out}, read through their control files: what payroll
 * takes from the console. Only names a close writes are ever opened, so a name in a URL cannot reach
 * elsewhere.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
public class PayrollFiles {

    /** {@code payroll-2026-10.csv}, a revision's {@code payroll-2026-10-r2.ctl}, a layout's {@code ....adp.csv}. */
    private static final Pattern NAME = Pattern.compile("payroll-\\d{4}-\\d{2}(-r\\d+)?(\\.[A-Za-z0-9_-]+)?\\.(csv|ctl)");

    /** A payroll file as its control file describes it: rows, total per currency and SHA-256. */
    public record PayrollFile(String period, String file, String control, long rows, Map<String, String> totals,
            String sha256) {
    }

    private final Path folder;

    public PayrollFiles(ServeProperties serve) {
        this.folder = serve.out().toAbsolutePath().normalize().resolve("payroll");
    }

    /** Every payroll file with its control file, newest period first. */
    public List<PayrollFile> all() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<PayrollFile> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path control : listed.filter(p -> p.getFileName().toString().endsWith(".ctl")).toList()) {
                files.add(read(control));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(PayrollFile::period).thenComparing(PayrollFile::file).reversed());
        return files;
    }

    /** The file of that name, if it is a payroll or control file a close wrote. */
    public Optional<Path> file(String name) {
        Path file = folder.resolve(name);
        return NAME.matcher(name).matches() && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static PayrollFile read(Path control) throws IOException {
        Properties fields = new Properties();
        fields.load(new StringReader(Files.readString(control)));
        Map<String, String> totals = new TreeMap<>();
        fields.stringPropertyNames().stream().filter(key -> key.startsWith("total_"))
                .forEach(key -> totals.put(key.substring("total_".length()), fields.getProperty(key)));
        return new PayrollFile(fields.getProperty("pay_period", ""), fields.getProperty("file", ""),
                control.getFileName().toString(), Long.parseLong(fields.getProperty("row_count", "0")), totals,
                fields.getProperty("sha256", ""));
    }
}
