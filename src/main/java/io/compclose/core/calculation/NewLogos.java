package io.compclose.core.calculation;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** New-logo count: the number of distinct new customers, not their revenue. */
public final class NewLogos {

    private NewLogos() {
    }

    /** Distinct accounts among NEW bookings that were not customers before. */
    public static int count(Collection<NewLogoDeal> deals, Set<String> existingCustomers) {
        return deals.stream()
                .filter(d -> "NEW".equals(d.type()))
                .map(NewLogoDeal::accountId)
                .filter(a -> !existingCustomers.contains(a))
                .collect(Collectors.toSet())
                .size();
    }

    public record NewLogoDeal(String bookingId, String accountId, String type) {
    }
}
