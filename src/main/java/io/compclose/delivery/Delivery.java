package io.compclose.delivery;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * One send of a statement: to whom, which version, which send (1 is the close's own, 2 and up are
 * resends), and the PDF.
 */
public record Delivery(YearMonth period, String repId, int version, int sendNo, String recipient, String repName,
        Path pdf) {

    /** Stable across retries and restarts, so a message can be recognised wherever it lands. */
    public String messageId() {
        return "<statement." + period + "." + repId.replaceAll("[^A-Za-z0-9._-]", "_") + ".v" + version
                + (sendNo > 1 ? ".s" + sendNo : "") + "@compclose>";
    }
}
