package io.compclose.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.compclose.system.AtomicFiles;
import io.compclose.system.StartAnnouncement;

/**
 * The console's users, read from the users file. Where there is none yet, the first start makes one demo user
 * per role with a random password, keeps only their bcrypt hashes in the users file, and writes the passwords
 * to a file beside it that only its owner can read: the console's output names that file, never a password.
 */
public final class ConsoleUsers implements UserDetailsService, StartAnnouncement {

    private static final String[] COLUMNS = {"username", "role", "rep_id", "password_bcrypt"};
    static final String PASSWORDS_FILE = "initial-passwords.txt";
    /** One per role, and a second finance user: an inquiry's adjustment is approved by someone else than who asks. */
    static final Map<String, ConsoleRole> DEMO_USERS = demoUsers();

    private final Map<String, ConsoleUser> users = new LinkedHashMap<>();
    private final Path file;
    private final boolean created;

    public ConsoleUsers(ConsoleProperties properties, PasswordEncoder encoder) {
        this.file = properties.users().toAbsolutePath().normalize();
        this.created = !Files.exists(file);
        if (created) {
            createDemoUsers(properties.demoRep(), encoder);
        }
        read().forEach(user -> users.put(user.getUsername().toLowerCase(Locale.ROOT), user));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ConsoleUser user = users.get(username.toLowerCase(Locale.ROOT));
        if (user == null) {
            throw new UsernameNotFoundException("no console user " + username);
        }
        // a copy: Spring Security erases the credentials of the user it authenticated
        return new ConsoleUser(user.getUsername(), user.getPassword(), user.role(), user.repId());
    }

    /** The finance users' names, in lower case: who may approve an inquiry's adjustment. */
    public List<String> financeUsers() {
        return users.values().stream().filter(u -> u.role() == ConsoleRole.FINANCE)
                .map(u -> u.getUsername().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public List<String> lines() {
        return created ? List.of("Console users created: " + String.join(", ", DEMO_USERS.keySet()) + "; their passwords are in "
                + file.resolveSibling(PASSWORDS_FILE) + " (readable by you only)")
                : List.of("Console users: " + users.size() + " from " + file);
    }

    private static Map<String, ConsoleRole> demoUsers() {
        Map<String, ConsoleRole> users = new LinkedHashMap<>();
        users.put("finance", ConsoleRole.FINANCE);
        users.put("controller", ConsoleRole.FINANCE);
        users.put("payroll", ConsoleRole.PAYROLL);
        users.put("rep", ConsoleRole.REP);
        return java.util.Collections.unmodifiableMap(users);
    }

    private void createDemoUsers(String demoRep, PasswordEncoder encoder) {
        SecureRandom random = new SecureRandom();
        StringBuilder passwords = new StringBuilder("# The console's first passwords: sign in, then keep them elsewhere "
                + "and delete this file.\n");
        StringWriter table = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(table, CSVFormat.DEFAULT.builder().setHeader(COLUMNS)
                .setRecordSeparator('\n').get())) {
            for (var demo : DEMO_USERS.entrySet()) {
                String username = demo.getKey();
                ConsoleRole role = demo.getValue();
                byte[] secret = new byte[15];
                random.nextBytes(secret);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                String repId = role == ConsoleRole.REP ? demoRep : "";
                csv.printRecord(username, role, repId, encoder.encode(password));
                passwords.append(username).append(' ').append(password)
                        .append(repId.isEmpty() ? "" : " (rep " + repId + ")").append('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        AtomicFiles.write(file.resolveSibling(PASSWORDS_FILE), passwords.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, table.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<ConsoleUser> read() {
        List<ConsoleUser> read = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                read.add(new ConsoleUser(row.get("username"), row.get("password_bcrypt"),
                        ConsoleRole.valueOf(row.get("role").strip().toUpperCase(Locale.ROOT)), row.get("rep_id")));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the console's users file " + file + " cannot be read: " + e.getMessage(),
                    e);
        }
        return read;
    }
}
