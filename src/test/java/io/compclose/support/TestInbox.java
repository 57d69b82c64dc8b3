package io.compclose.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A pay period's inbox written by a test: reps.csv, one plans file, and any other files by name. */
public final class TestInbox {

    /** bookings.csv's full header, for tests that add their rows to it. */
    public static final String BOOKINGS_HEADER = "booking_id,booked_on,account_id,account_name,owner_rep_id,type,"
            + "product,acv,tcv,term_months,currency,sourced_by_rep_id,bundle_id\n";

    /** Three AEs on AE-10, paid in USD, from the start of 2026. */
    public static final String THREE_AES = """
            rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
            A1,Ana Able,E-A1,ana@example.com,AE,,West,AE-10,USD,2026-01-01,
            B1,Ben Baker,E-B1,ben@example.com,AE,,West,AE-10,USD,2026-01-01,
            C1,Cy Cole,E-C1,cy@example.com,AE,,West,AE-10,USD,2026-01-01,
            """;

    /** AE-10: 10 % of booked ACV, the whole of 2026. */
    public static final String AE_10_PLAN = """
            plan: AE-10
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
            """;

    /** AE-10 with no commission below 20 % gross margin and half the credit above 30 % discount (jobs/plans.md). */
    public static final String AE_10_MARGIN_PLAN = """
            plan: AE-10
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components:
              - id: bookings
                metric: BOOKINGS_ACV
                when: "grossMarginPct != null and grossMarginPct >= 20"
                rate: 0.10
                credit_multipliers: [{when: "discountPct != null and discountPct > 30", factor: 0.5}]
            """;

    private TestInbox() {
    }

    /** Writes {@code work/inbox-<period>} and returns it. */
    public static Path write(Path work, String period, String reps, String plans, Map<String, String> files)
            throws IOException {
        Path inbox = work.resolve("inbox-" + period);
        Files.createDirectories(inbox.resolve("plans"));
        Files.writeString(inbox.resolve("reps.csv"), reps);
        Files.writeString(inbox.resolve("plans/plans.yaml"), plans);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(inbox.resolve(file.getKey()), file.getValue());
        }
        return inbox;
    }

    /** {@code files} and one more. */
    public static Map<String, String> with(Map<String, String> files, String name, String content) {
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put(name, content);
        return all;
    }
}
