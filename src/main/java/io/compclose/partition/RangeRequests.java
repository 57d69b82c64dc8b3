package io.compclose.partition;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * What travels over RabbitMQ for one rep range: the range step's name and its step execution id, as
 * plain text ({@code calculateEarningsRange 42}). Everything else a worker needs is in the shared job
 * repository. Plain text rather than Java serialization, so a worker never deserializes objects it
 * was sent.
 */
public final class RangeRequests {

    private static final Pattern REQUEST = Pattern.compile("([A-Za-z][A-Za-z0-9]{0,99}) ([1-9][0-9]{0,18})");

    private RangeRequests() {
    }

    public static String encode(StepExecutionRequest request) {
        return request.getStepName() + " " + request.getStepExecutionId();
    }

    /** The request, or an exception naming what was wrong with the text. */
    public static StepExecutionRequest decode(String text) {
        Matcher matcher = REQUEST.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a rep-range request (expected '<step> <step execution id>'): '"
                    + (text == null ? "" : text.substring(0, Math.min(text.length(), 80))) + "'");
        }
        return new StepExecutionRequest(matcher.group(1), Long.parseLong(matcher.group(2)));
    }
}
