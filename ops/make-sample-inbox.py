#!/usr/bin/env python3
"""Writes the demo inbox jobs/samples/inbox/2026-10 (seeded, so the same files every time) and
prints the expected figures, computed here independently of the Java code, that the tests assert."""
import csv, io, os, random, sys
from decimal import Decimal, ROUND_HALF_EVEN

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "jobs", "samples", "inbox", "2026-10")
rng = random.Random(202610)

PLANS = {  # plan id -> list of (version, from, to, rate)
    "AE-2026": [(1, "2026-01-01", "2026-12-31", "0.08"), (2, "2026-10-16", "2026-12-31", "0.09")],
    "AE-EU-2026": [(1, "2026-01-01", "2026-12-31", "0.075")],
    "AM-2026": [(1, "2026-01-01", "2026-12-31", "0.05")],
    "AM-EU-2026": [(1, "2026-01-01", "2026-12-31", "0.05")],
    "RN-2026": [(1, "2026-01-01", "2026-12-31", "0.03")],
    "MGR-2026": [(1, "2026-01-01", "2026-12-31", "0.01")],
}
NAMES = {"AE-2026": "Account Executive, FY2026", "AE-EU-2026": "Account Executive EMEA, FY2026",
         "AM-2026": "Account Manager, FY2026", "AM-EU-2026": "Account Manager EMEA, FY2026",
         "RN-2026": "Renewal Specialist, FY2026",
         "MGR-2026": "Sales Manager, FY2026"}
CURRENCY = {"AE-EU-2026": "EUR", "AM-EU-2026": "EUR"}  # a rep is paid in their plan's currency

REPS = [  # rep_id, employee_id, name, email, role, manager, team, plan, currency, from, to
    ("M001", "E9001", "Maria Manning", "maria.manning@example.com", "MANAGER", "", "West", "MGR-2026", "USD", "2026-01-01", ""),
    ("R001", "E1001", "Ana Alvarez", "ana.alvarez@example.com", "AE", "M001", "West", "AE-2026", "USD", "2026-01-01", ""),
    ("R002", "E1002", "Ben Brooks", "ben.brooks@example.com", "AE", "M001", "West", "AE-2026", "USD", "2026-01-01", ""),
    ("R003", "E1003", "Chloé Dubois", "chloe.dubois@example.com", "AE", "M001", "EMEA", "AE-EU-2026", "EUR", "2026-01-01", ""),
    ("R004", "E1004", "Dieter Krause", "dieter.krause@example.com", "AM", "M001", "EMEA", "AM-EU-2026", "EUR", "2026-01-01", ""),
    ("R005", "E1005", "Emma Evans", "emma.evans@example.com", "AM", "M001", "West", "AM-2026", "USD", "2026-01-01", ""),
    ("R006", "E1006", "Farid Haddad", "farid.haddad@example.com", "AE", "M001", "West", "AE-2026", "USD", "2026-01-01", "2026-10-15"),
    ("R006", "E1006", "Farid Haddad", "farid.haddad@example.com", "AM", "M001", "West", "AM-2026", "USD", "2026-10-16", ""),
    ("R007", "E1007", "Grace Kim", "grace.kim@example.com", "RENEWAL", "M001", "West", "RN-2026", "USD", "2026-01-01", ""),
    ("R008", "E1008", "Hiro Tanaka", "hiro.tanaka@example.com", "AE", "M001", "West", "AE-2026", "USD", "2026-01-01", ""),
    ("R009", "E1009", "Isla Murphy", "isla.murphy@example.com", "CSM", "M001", "West", "AM-2026", "USD", "2026-01-01", ""),
]
BAD_REPS = [
    ("R010", "E1010", "Jon Snowe", "jon.snowe-at-example.com", "AE", "M001", "West", "AE-2026", "USD", "2026-01-01", ""),
    ("R011", "E1011", "Kara Lind", "kara.lind@example.com", "AE", "M001", "West", "XX-2099", "USD", "2026-01-01", ""),
]

def plan_rate(plan, day):
    versions = [v for v in PLANS[plan] if v[1] <= day <= v[2]]
    return Decimal(max(versions)[3])

def assignment(rep, day):
    for r in REPS:
        if r[0] == rep and r[9] <= day and (r[10] == "" or day <= r[10]):
            return r
    return None

def cents(x):
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)

def write(name, header, rows):
    with open(os.path.join(root, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

os.makedirs(os.path.join(root, "plans"), exist_ok=True)
for plan, versions in PLANS.items():
    docs = []
    for version, start, end, rate in versions:
        docs.append(f"""plan: {plan}
version: {version}
name: {NAMES[plan]}
effective_from: {start}
effective_to: {end}
currency: {CURRENCY.get(plan, "USD")}
components:
  - id: bookings
    metric: BOOKINGS_ACV
    pay: RATE_ON_VALUE
    rate: {rate}
""")
    with open(os.path.join(root, "plans", plan.lower() + ".yaml"), "w") as f:
        f.write("# Demo plan: a flat rate on credited ACV.\n" + "---\n".join(docs))

rep_rows = REPS[:3] + [BAD_REPS[0]] + REPS[3:7] + [REPS[1]] + REPS[7:] + [BAD_REPS[1]]
# reps.csv with its columns in a different order than inputs.md, as CRM exports often are
rep_header = ["rep_id", "name", "employee_id", "email", "role", "manager_id", "team", "plan_id", "pay_currency",
              "effective_from", "effective_to"]
write("reps.csv", rep_header, [[r[0], r[2], r[1], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10]] for r in rep_rows])

ACCOUNTS = ["Acme, Inc.", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Foods", "Hooli",
            "Vandelay Imports", "Soylent Labs", "Tyrell Systems", "Cyberdyne", "Oscorp", "Wonka Retail"]
EVIL = "=HYPERLINK(\"http://evil.example\",\"click\")"  # a hostile cell: must stay text everywhere
PRODUCTS = ["PLATFORM", "BACKUP", "ANALYTICS", "SUPPORT"]
owners = ["R001", "R002", "R003", "R004", "R005", "R006", "R007", "R009"]
header = ["booking_id", "booked_on", "account_id", "account_name", "owner_rep_id", "type", "product", "acv", "tcv",
          "term_months", "currency", "sourced_by_rep_id", "bundle_id"]
good = []
for i in range(88):
    owner = owners[i % len(owners)]
    day = f"2026-10-{rng.randint(1, 31):02d}"
    a = assignment(owner, day)
    kind = "RENEWAL" if a[4] == "RENEWAL" else rng.choice(["NEW", "NEW", "UPSELL", "CROSS_SELL"])
    acv = Decimal(rng.randint(1000, 120000)) + (Decimal(rng.choice([0, 0, 50, 99, 25])) / 100)
    term = rng.choice([12, 12, 24, 36])
    acct = rng.randrange(len(ACCOUNTS))
    good.append([f"B-{1001 + i}", day, f"A-{300 + acct}", ACCOUNTS[acct], owner, kind, rng.choice(PRODUCTS),
                 str(acv), str(acv * term / 12), str(term), a[8], "", ""])
good[11][3] = EVIL
bad = [
    ["B-2001", "2026-10-05", "A-900", "Bad Amount Co", "R001", "NEW", "PLATFORM", "12,500.00", "", "12", "USD", "", ""],
    ["B-2002", "2026-10-06", "A-901", "Ghost Rep Ltd", "R999", "NEW", "PLATFORM", "5000", "", "12", "USD", "", ""],
    ["B-2003", "2026-09-30", "A-902", "Late Deal GmbH", "R002", "NEW", "BACKUP", "8000", "", "12", "USD", "", ""],
    ["B-2004", "2026-10-07", "A-903", "Downsell Inc", "R002", "DOWNSELL", "BACKUP", "3000", "", "12", "USD", "", ""],
    ["B-2005", "2026-10-08", "A-904", "Wrong Currency SA", "R001", "NEW", "PLATFORM", "4000", "", "12", "EUR", "", ""],
    ["B-2006", "2026-10-09", "A-905", "Negative Corp", "R005", "UPSELL", "SUPPORT", "-500", "", "12", "USD", "", ""],
    ["B-2007", "2026-10-10", "", "No Account", "R005", "UPSELL", "SUPPORT", "700", "", "12", "USD", "", ""],
    [good[3][0], "2026-10-11", good[3][2], good[3][3], good[3][4], good[3][5], good[3][6], "99999", "", "12", good[3][10], "", ""],
    list(good[10]),
    ["B-2010", "2026-10-32", "A-906", "Bad Date LLC", "R001", "NEW", "PLATFORM", "1000", "", "12", "USD", "", ""],
    ["B-2011", "2026-10-12", "A-907", "Rejected Rep Inc", "R010", "NEW", "PLATFORM", "2500", "", "12", "USD", "", ""],
    ["B-2012", "2026-10-13", "A-908", "Formula Amount", "R002", "NEW", "PLATFORM", "=1+1", "", "12", "USD", "", ""],
]
rows = list(good)
for k, row in enumerate(bad):  # spread the bad rows through the file
    rows.insert(7 + k * 8, row)
write("bookings.csv", header, rows)

# expected figures, from the good rows only
per_rep, per_cur, acv_cur = {}, {}, {}
for r in good:
    a = assignment(r[4], r[1])
    commission = cents(Decimal(r[7]) * plan_rate(a[7], r[1]))
    per_rep[r[4]] = per_rep.get(r[4], Decimal(0)) + commission
    per_cur[a[8]] = per_cur.get(a[8], Decimal(0)) + commission
    acv_cur[a[8]] = acv_cur.get(a[8], Decimal(0)) + Decimal(r[7])
print("booking rows", len(rows), "accepted", len(good), "rejected", len(bad) - 1, "duplicates", 1)
print("reps rows", len(rep_rows), "accepted", len(REPS), "rejected", 2, "duplicates", 1)
for cur in sorted(per_cur):
    print(cur, "acv", acv_cur[cur], "commission", per_cur[cur], "bookings",
          sum(1 for r in good if r[10] == cur))
for rep in sorted(per_rep):
    print(rep, per_rep[rep], sum(1 for r in good if r[4] == rep))
