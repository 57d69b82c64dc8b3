package io.compclose.web;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A person who signs in to the console: one role, and for a rep the rep id whose figures they may see. */
public class ConsoleUser extends User {

    private final ConsoleRole role;
    private final String repId;

    public ConsoleUser(String username, String passwordHash, ConsoleRole role, String repId) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.role = role;
        this.repId = repId;
    }

    public ConsoleRole role() {
        return role;
    }

    /** The rep a REP user is; blank for finance and payroll. */
    public String repId() {
        return repId;
    }
}
