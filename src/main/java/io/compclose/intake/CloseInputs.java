package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.compclose.system.BoundYaml;

/**
 * The inbox's files and the step of the close that first reads each: the plans and crediting.yaml
 * are read by validatePlans, each CSV by its load step. What a step read is fingerprinted by SHA-256,
 * so a restart can tell whether the inbox still holds what the failed run read.
 */
public final class CloseInputs {

    public static final String PLANS = "plans/";

    private CloseInputs() {
    }

    /** Whether the step is the first to read some input file. */
    public static boolean reads(String step) {
        return step.equals("validatePlans") || InputFile.readBy(step).isPresent();
    }

    /**
     * The files the step reads from the inbox as it is now, each with its SHA-256, or null where the
     * file is absent (an optional file not delivered); none for a step that reads no input file.
     */
    public static Map<String, String> fingerprints(String step, Path inbox) {
        Map<String, String> files = new LinkedHashMap<>();
        if (step.equals("validatePlans")) {
            files.put("crediting.yaml", sha256(inbox.resolve("crediting.yaml")));
            for (String plan : planFiles(inbox.resolve("plans"))) {
                files.put(PLANS + plan, sha256(inbox.resolve("plans").resolve(plan)));
            }
        } else {
            InputFile.readBy(step).ifPresent(csv -> files.put(csv.fileName(), sha256(inbox.resolve(csv.fileName()))));
        }
        return files;
    }

    /** The plan files of the folder, as the plan loader takes them: *.yaml and *.yml, by name. */
    private static List<String> planFiles(Path plans) {
        if (!Files.isDirectory(plans)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(plans)) {
            return listing.filter(BoundYaml::isYaml).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's SHA-256 in hex, or null if there is no such file. */
    public static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new BadInputException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
