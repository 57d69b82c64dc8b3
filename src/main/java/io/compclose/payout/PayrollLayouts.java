package io.compclose.payout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.compclose.core.input.BadInputException;

/**
 * The configured payroll layouts, read once per run of the command line: the close checks them
 * before it starts, and the payroll step writes a file in each.
 */
@Component
public class PayrollLayouts {

    private final List<Path> files;
    private List<PayrollLayout> layouts;

    public PayrollLayouts(PayrollProperties properties) {
        this.files = properties.layouts();
    }

    /** The layouts, in the order configured; a problem in any of them names its file and field. */
    public synchronized List<PayrollLayout> layouts() {
        if (layouts == null) {
            layouts = read(files);
        }
        return layouts;
    }

    static List<PayrollLayout> read(List<Path> files) {
        List<PayrollLayout> read = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("payroll layout " + file + " (compclose.payroll.layouts): "
                        + (Files.isDirectory(file) ? "is a folder; name each layout file" : "no such file"));
            }
            PayrollLayout layout = PayrollLayoutFile.read(file);
            Path other = byName.putIfAbsent(layout.name(), file);
            if (other != null) {
                throw new BadInputException("payroll layouts " + other + " and " + file + " have the same name "
                        + layout.name() + ": their files would overwrite each other");
            }
            read.add(layout);
        }
        return List.copyOf(read);
    }
}
