package io.compclose.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small October 2026 inbox in which every file has rows and every row passes, and the payroll it
 * must produce, worked out by hand:
 * <pre>
 * R1  B1 10,000 + B4 2,500.50 + half of B5 (splits) 2,000 = 14,500.50 x 10 % = 1,450.05 USD; J1 150.00
 * R2  B2 20,000 + half of B5 2,000 + B6 EUR 1,000 x 1.25 = 1,250 = 23,250 x 10 % = 2,325.00 USD
 * R3  B3 EUR 8,000 x 10 % = 800.00 EUR; J2 -20.00 EUR
 * C1  usage of ACC-1, which C1 owns: 5,000 + 1,500 = 6,500 x 1 % = 65.00 USD
 * </pre>
 * X1 cancels B4, but no plan has a clawback term, so it changes no pay; the KPIs and activities are
 * stored and measured by no plan. Files are listed in the order the close reads them.
 */
final class ValidInbox {

    static final String PERIOD = "2026-10";

    static final String PLANS = """
            plan: AE-2026
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
            ---
            plan: AE-EUR
            version: 1
            effective_from: 2026-01-01
            currency: EUR
            components: [{id: bookings, metric: BOOKINGS_ACV, rate: 0.10}]
            ---
            plan: CSM-USAGE
            version: 1
            effective_from: 2026-01-01
            currency: USD
            components: [{id: consumption, metric: USAGE_REVENUE, rate: 0.01}]
            """;

    /** Each file's header and rows, in the order the close reads the files. */
    static final Map<String, String> FILES = files(
            "reps.csv", """
                    rep_id,name,employee_id,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to
                    R1,Ann Able,E1,ann@example.com,AE,,West,AE-2026,USD,2026-01-01,
                    R2,Bob Baker,E2,bob@example.com,AE,,West,AE-2026,USD,2026-01-01,
                    R3,Eva Euro,E3,eva@example.com,AE,,EMEA,AE-EUR,EUR,2026-01-01,
                    C1,Cy Csm,E4,cy@example.com,CSM,,West,CSM-USAGE,USD,2026-01-01,
                    """,
            "fx_rates.csv", """
                    currency,rate_to_usd,period
                    EUR,1.25,2026-10
                    """,
            "bookings.csv", """
                    booking_id,booked_on,account_id,account_name,owner_rep_id,type,product,acv,tcv,term_months,currency,sourced_by_rep_id,bundle_id
                    B1,2026-10-05,A1,Acme,R1,NEW,PLATFORM,10000,,12,USD,,
                    B2,2026-10-06,A2,Bolt,R2,NEW,PLATFORM,20000,,12,USD,,
                    B3,2026-10-07,A3,Cran,R3,NEW,PLATFORM,8000,,12,EUR,,
                    B4,2026-10-08,A4,Dune,R1,UPSELL,ANALYTICS,2500.50,,12,USD,,
                    B5,2026-10-09,A5,Echo,R2,NEW,PLATFORM,4000,,12,USD,,
                    B6,2026-10-10,A6,Fjord,R2,NEW,PLATFORM,1000,,12,EUR,,
                    """,
            "splits.csv", """
                    booking_id,rep_id,percent,role
                    B5,R2,50,
                    B5,R1,50,
                    """,
            "cancellations.csv", """
                    cancellation_id,booking_id,cancelled_on,reason
                    X1,B4,2026-10-20,customer churned
                    """,
            "kpis.csv", """
                    rep_id,period,metric,value
                    R1,2026-10,NRR,1.05
                    R2,2026-Q4,MBO:pipeline,0.8
                    """,
            "activities.csv", """
                    activity_id,rep_id,activity_date,type,count
                    T1,R1,2026-10-03,DISCOVERY_MEETING,2
                    """,
            "account_owners.csv", """
                    account_id,rep_id,role,effective_from,effective_to
                    ACC-1,C1,CSM,2026-10-01,
                    """,
            "usage.csv", """
                    usage_id,account_id,product,usage_month,quantity,unit,revenue,currency
                    U1,ACC-1,COMPUTE,2026-10,,,5000,USD
                    U2,ACC-1,STORAGE,2026-10,10,TB,1500,USD
                    """,
            "adjustments.csv", """
                    adjustment_id,rep_id,amount,currency,reason,approved_by
                    J1,R1,150.00,USD,spot bonus,M9
                    J2,R3,-20.00,EUR,correction,M9
                    """);

    static final List<String> PAYROLL = List.of(
            "E1,R1,2026-10,ADJUSTMENT,150.00,USD",
            "E1,R1,2026-10,COMMISSION,1450.05,USD",
            "E2,R2,2026-10,COMMISSION,2325.00,USD",
            "E3,R3,2026-10,ADJUSTMENT,-20.00,EUR",
            "E3,R3,2026-10,COMMISSION,800.00,EUR",
            "E4,C1,2026-10,COMMISSION,65.00,USD");

    private ValidInbox() {
    }

    static List<String> header(String file) {
        return List.of(lines(file).get(0).split(",", -1));
    }

    /** The data rows of a file, each split into its cells (no valid row needs quoting). */
    static List<List<String>> rows(String file) {
        return lines(file).stream().skip(1).map(line -> List.of(line.split(",", -1))).toList();
    }

    private static List<String> lines(String file) {
        return FILES.get(file).lines().toList();
    }

    /** Writes the inbox with some files replaced by the given bytes (a null removes the file). */
    static Path write(Path inbox, Map<String, byte[]> replaced) throws IOException {
        Files.createDirectories(inbox.resolve("plans"));
        Files.writeString(inbox.resolve("plans/plans.yaml"), PLANS);
        for (String file : FILES.keySet()) {
            Files.write(inbox.resolve(file), FILES.get(file).getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : replaced.entrySet()) {
            Path path = inbox.resolve(file.getKey());
            if (file.getValue() == null) {
                Files.delete(path);
            } else {
                Files.write(path, file.getValue());
            }
        }
        return inbox;
    }

    private static Map<String, String> files(String... nameAndText) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.put(nameAndText[i], nameAndText[i + 1]);
        }
        return files;
    }
}
