package io.compclose.system;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which settings are secrets, and how a secret is kept out of what CompClose prints. Passwords come
 * from the environment or from files, never from the command line, where every user of the machine
 * sees them ({@code ps}) and the shell history keeps them. A message that could carry one (a JDBC URL
 * with {@code password=...} or {@code user:password@}) is masked before it is printed or logged.
 */
public final class Secrets {

    /** {@code password=...} in a URL's query or properties, and {@code //user:password@} in its authority. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?i)((?:password|passwd|pwd)=)[^&;\\s'\"]+|(//[^/:@\\s]+:)[^@/\\s]+(@)");
    private static final String MASK = "****";

    private Secrets() {
    }

    /** The text with every password it carries replaced by {@code ****}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = IN_TEXT.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            String prefix = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String suffix = matcher.group(3) != null ? matcher.group(3) : "";
            matcher.appendReplacement(masked, Matcher.quoteReplacement(prefix + MASK + suffix));
        }
        return matcher.appendTail(masked).toString();
    }

    /**
     * Whether a setting given as {@code name=value} would put a secret on the command line: a setting
     * named like a password, secret, token or key, or a URL that carries a password. An empty value
     * is no secret.
     *
     * @return the setting that should carry the secret (the URL's password setting for a URL), if it is one
     */
    public static Optional<String> secretSetting(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace("-", "")
                .replace("_", "");
        if (last.endsWith("password") || last.endsWith("passwd") || last.endsWith("secret")
                || last.endsWith("token") || last.endsWith("key") || last.contains("credential")) {
            return Optional.of(name);
        }
        if ((last.endsWith("url") || last.endsWith("uri")) && !mask(value).equals(value)) {
            return Optional.of(name.substring(0, name.lastIndexOf('.') + 1) + "password");
        }
        return Optional.empty();
    }

    /** {@code spring.datasource.password} → {@code SPRING_DATASOURCE_PASSWORD}, as Spring Boot binds it. */
    public static String environmentVariable(String name) {
        return name.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_');
    }
}
