package io.compclose.delivery;

import java.nio.file.Path;
import java.time.YearMonth;

/** One statement to deliver: to whom, which version, and the PDF. */
public record Delivery(YearMonth period, String repId, int version, String recipient, String repName, Path pdf) {

    /** Stable across retries and restarts, so a message can be recognised wherever it lands. */
    public String messageId() {
        return "<statement." + period + "." + repId.replaceAll("[^A-Za-z0-9._-]", "_") + ".v" + version
                + "@compclose>";
    }
}
