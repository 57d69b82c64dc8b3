package io.compclose.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a close leaves behind, in the terms two closes of the same inbox must agree on: every
 * table of the close's own (the job repository aside; times, and the PDFs' checksums, which embed
 * their creation time, left out; the output folder written as {@code <out>}); the payroll file and its
 * control file, the rejects and the close summary to the byte; each statement's text; each email's
 * addressing, text and attached statement's text.
 */
public record CloseOutcome(Map<String, List<String>> tables, Map<String, String> files,
        Map<String, String> statements, Map<String, String> emails) {

    private static final Set<String> TIMES = Set.of("datetime", "timestamp");
    /**
     * Not part of the outcome: Spring Batch's and Liquibase's own tables, the lease of a close under
     * way, and the audit trail, which records how each run started and ended (a recovery included).
     */
    private static final List<String> NOT_OURS = List.of("batch_", "databasechangelog", "close_lease",
            "audit_event");

    public static CloseOutcome read(String databaseUrl, Path out) {
        return new CloseOutcome(tables(databaseUrl, out), files(out), statements(out), emails(out));
    }

    private static Map<String, List<String>> tables(String databaseUrl, Path out) {
        JdbcTemplate jdbc = new CloseFixture(out, databaseUrl, false).jdbc();
        Map<String, List<String>> columns = new TreeMap<>();
        jdbc.query("""
                SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS
                WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION""", rs -> {
            String table = rs.getString(1);
            String column = rs.getString(2);
            boolean ours = NOT_OURS.stream().noneMatch(table.toLowerCase()::startsWith);
            if (ours && !TIMES.contains(rs.getString(3)) && !(table.equals("statement") && column.equals("sha256"))) {
                columns.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
            }
        });
        Map<String, List<String>> tables = new TreeMap<>();
        columns.forEach((table, names) -> {
            // names from the schema itself, not from input: identifiers cannot be bound
            String select = "SELECT " + String.join(", ", names) + " FROM " + table + " ORDER BY "
                    + String.join(", ", names);
            tables.put(table, jdbc.query(select, (rs, i) -> {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= names.size(); c++) {
                    values.add(String.valueOf(rs.getObject(c)).replace(out.toString(), "<out>"));
                }
                return String.join(" | ", values);
            }));
        });
        return tables;
    }

    private static Map<String, String> files(Path out) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("payroll/payroll-2026-10.csv", "payroll/payroll-2026-10.ctl",
                "rejects/rejects-2026-10.csv", "reports/close-summary-2026-10.csv")) {
            files.put(name, read(out.resolve(name)));
        }
        return files;
    }

    private static Map<String, String> statements(Path out) {
        Map<String, String> texts = new TreeMap<>();
        each(out.resolve("statements/2026-10"), ".pdf", (name, bytes) -> texts.put(name, Pdfs.text(bytes)));
        return texts;
    }

    private static Map<String, String> emails(Path out) {
        Map<String, String> emails = new TreeMap<>();
        Session session = Session.getInstance(new Properties());
        each(out.resolve("outbox/2026-10"), ".eml", (name, bytes) -> {
            try {
                MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(bytes));
                StringBuilder text = new StringBuilder();
                for (String header : List.of("From", "To", "Subject", "Message-ID")) {
                    text.append(header).append(": ").append(message.getHeader(header, ", ")).append('\n');
                }
                describe(message, text);
                emails.put(name, text.toString());
            } catch (Exception e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        });
        return emails;
    }

    /** The parts as a reader meets them: the MIME boundaries and the date differ from send to send. */
    private static void describe(Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                describe(body, text);
            }
        } else if (part.isMimeType("application/pdf")) {
            try (InputStream in = part.getInputStream()) {
                text.append("[attachment ").append(part.getFileName()).append("]\n")
                        .append(Pdfs.text(in.readAllBytes()));
            }
        } else {
            text.append("[").append(part.getContentType().split(";")[0]).append("]\n").append(part.getContent());
        }
    }

    private interface FileReader {
        void read(String name, byte[] bytes);
    }

    private static void each(Path folder, String extension, FileReader reader) {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList()) {
                reader.read(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
