#!/usr/bin/env python3
"""Writes the demo inbox jobs/samples/inbox/2026-10 and 2026-11 (seeded, so the same files every time) and
prints the expected figures, computed here independently of the Java code, that the tests assert.

October is a large month of flat-rate plans with deliberate mistakes; November, closed after it in the same
database, uses every input file and a plan mechanic per rep, each simple enough to recompute by hand."""
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

def write(name, header, rows, folder=root):
    with open(os.path.join(folder, name), "w", newline="", encoding="utf-8") as f:
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
print("== 2026-10")
print("booking rows", len(rows), "accepted", len(good), "rejected", len(bad) - 1, "duplicates", 1)
print("reps rows", len(rep_rows), "accepted", len(REPS), "rejected", 2, "duplicates", 1)
for cur in sorted(per_cur):
    print(cur, "acv", acv_cur[cur], "commission", per_cur[cur], "bookings",
          sum(1 for r in good if r[10] == cur))
for rep in sorted(per_rep):
    print(rep, per_rep[rep], sum(1 for r in good if r[4] == rep))

# ---------------------------------------------------------------------------------------------------------------
# November: every input file, and from 1 November new plan versions with the mechanics. Closed after October in
# the same database: the year-to-date true-up pays what November adds, and a cancelled October deal is clawed back.
nov = os.path.join(root, "..", "2026-11")
os.makedirs(os.path.join(nov, "plans"), exist_ok=True)
NOV_FROM, NOV_TO = "2026-11-01", "2026-12-31"
AE_QUOTA, AE_RATE, AE_ACCELERATOR = Decimal(100000), Decimal("0.09"), Decimal("0.15")
SPIFF, TI_AM, MBO_WEIGHT = Decimal(500), Decimal(24000), Decimal("0.10")
POOL, POOL_TARGET = Decimal(2000), Decimal(1400000)
BONUS, BONUS_AT = Decimal(1000), Decimal("0.10")
TI_RAMP, RAMP_QUOTA, DRAW = Decimal(24000), 20, Decimal(2500)
EUR_USD = Decimal("1.08")
def flat(plan):  # a November version keeps its plan's flat rate (plan_rate prices November's deals with it)
    return f"components:\n  - {{id: bookings, metric: BOOKINGS_ACV, rate: {PLANS[plan][-1][3]}}}\n"

EMEA_POOL = f"team_pool: {{team: EMEA, metric: BOOKINGS_ACV, target: {POOL_TARGET}, pool: {POOL}, split: EQUAL}}\n"
NEW_VERSIONS = {  # plan id -> (comment, what the version adds after its components)
    "AE-2026": ("a monthly quota with an accelerator above it, a SPIFF on BACKUP deals, clawback in full", f"""measurement: MONTH
components:
  - id: bookings
    metric: BOOKINGS_ACV
    quota_by_period: {{2026-11: {AE_QUOTA}, 2026-12: {AE_QUOTA}}}
    rate_table:
      policy: MARGINAL
      bands: [{{from: 0, to: 1.0, rate: {AE_RATE}}}, {{from: 1.0, rate: {AE_ACCELERATOR}}}]   # accelerator above quota
spiffs: [{{id: nov-backup, from: 2026-11-01, to: 2026-11-30, when: "product == 'BACKUP'", amount_per_deal: {SPIFF}}}]
clawback: {{window_days: 180, method: FULL}}
"""),
    "AE-EU-2026": ("the EMEA team pool", flat("AE-EU-2026") + EMEA_POOL),
    "AM-EU-2026": ("the EMEA team pool", flat("AM-EU-2026") + EMEA_POOL),
    "AM-2026": ("an MBO scored monthly in kpis.csv", f"target_incentive: {TI_AM}\n" + flat("AM-2026") + f"""mbo: [{{objective: QBR_COVERAGE, weight: {MBO_WEIGHT}}}]
"""),
    "RN-2026": ("a bonus when the usage of the rep's accounts grows 10 % over its 3-month baseline", flat("RN-2026") + f"""bonuses: [{{id: usage-up-10, metric: USAGE_GROWTH, at_least: {BONUS_AT}, amount: {BONUS}, once_per: YEAR}}]
"""),
}
for plan, versions in PLANS.items():
    with open(os.path.join(root, "plans", plan.lower() + ".yaml")) as f:
        text = f.read()  # every version of the year, October's unchanged
    if plan in NEW_VERSIONS:
        why, body = NEW_VERSIONS[plan]
        text += f"""---
# from November: {why}
plan: {plan}
version: {len(versions) + 1}
name: {NAMES[plan]}
effective_from: {NOV_FROM}
effective_to: {NOV_TO}
currency: {CURRENCY.get(plan, "USD")}
""" + body
    with open(os.path.join(nov, "plans", plan.lower() + ".yaml"), "w") as f:
        f.write(text)
with open(os.path.join(nov, "plans", "ae-ramp-2026.yaml"), "w") as f:
    f.write(f"""# A new AE ramping up: paid on discovery meetings against a monthly target, with a recoverable draw.
plan: AE-RAMP-2026
version: 1
name: Account Executive (ramp), FY2026
effective_from: {NOV_FROM}
effective_to: {NOV_TO}
currency: USD
target_incentive: {TI_RAMP}
measurement: MONTH
components:
  - id: meetings
    metric: ACTIVITY_COUNT
    when: "type == 'DISCOVERY_MEETING'"
    quota_by_period: {{2026-11: {RAMP_QUOTA}, 2026-12: {RAMP_QUOTA}}}
    pay: TARGET_BY_ATTAINMENT
    rate_table: {{bands: [{{from: 0, rate: 1.0}}]}}
draw: {{kind: RECOVERABLE, per_period: {DRAW}, periods: 3}}
""")
with open(os.path.join(nov, "crediting.yaml"), "w") as f:
    f.write("""# Each booking credits its owner (or the reps of splits.csv) and rolls up to every manager above them.
rules:
  - {id: owner-or-splits, kind: PRIMARY}
  - {id: managers, kind: ROLLUP}
""")

NEW_REP = ("R012", "E1012", "Jade Novak", "jade.novak@example.com", "AE", "M001", "West", "AE-RAMP-2026", "USD",
           "2026-11-01", "")
NOV_REPS = REPS + [NEW_REP]
write("reps.csv", ["rep_id", "employee_id", "name", "email", "role", "manager_id", "team", "plan_id", "pay_currency",
       "effective_from", "effective_to"], NOV_REPS, nov)

NOV_BOOKINGS = [  # id, day, account, owner, type, product, acv, currency
    ("B-3001", "2026-11-05", 300, "R001", "NEW", "PLATFORM", 70000, "USD"),     # split 60/40 with R002
    ("B-3002", "2026-11-18", 304, "R001", "UPSELL", "BACKUP", 80000, "USD"),    # crosses R001's quota
    ("B-3003", "2026-11-10", 305, "R002", "CROSS_SELL", "BACKUP", 12000, "USD"),
    ("B-3004", "2026-11-12", 306, "R008", "NEW", "ANALYTICS", 30000, "USD"),
    ("B-3005", "2026-11-09", 307, "R003", "NEW", "PLATFORM", 60000, "EUR"),
    ("B-3006", "2026-11-16", 308, "R004", "UPSELL", "SUPPORT", 20000, "EUR"),
    ("B-3007", "2026-11-20", 309, "R005", "UPSELL", "SUPPORT", 10000, "USD"),
    ("B-3008", "2026-11-23", 311, "R006", "CROSS_SELL", "BACKUP", 8000, "USD"),
    ("B-3009", "2026-11-25", 310, "R007", "RENEWAL", "SUPPORT", 50000, "USD"),
]
write("bookings.csv", header, [[b, day, f"A-{a}", ACCOUNTS[a - 300], owner, kind, product, acv, acv, 12, cur, "", ""]
                               for b, day, a, owner, kind, product, acv, cur in NOV_BOOKINGS], nov)
SPLITS = {"B-3001": [("R001", 60), ("R002", 40)]}
write("splits.csv", ["booking_id", "rep_id", "percent", "role"],
      [[b, rep, pct, "AE"] for b, shares in SPLITS.items() for rep, pct in shares], nov)
clawed = next(r for r in good if r[4] == "R001" and Decimal(r[7]) < 50000)        # AE-2026 claws back from November
kept = next(r for r in good if r[4] == "R005")                                      # AM-2026 has no clawback terms
CANCELLED_ON = "2026-11-20"
write("cancellations.csv", ["cancellation_id", "booking_id", "cancelled_on", "reason"],
      [["X-1", clawed[0], CANCELLED_ON, "customer went out of business"],
       ["X-2", kept[0], CANCELLED_ON, "downgraded to the free tier"]], nov)
MBO_SCORES = {"R005": Decimal("0.8"), "R009": Decimal("0.9")}
write("kpis.csv", ["rep_id", "period", "metric", "value"],
      [[rep, "2026-11", "MBO:QBR_COVERAGE", score] for rep, score in MBO_SCORES.items()], nov)
ACTIVITIES = [("M-1", "R012", "2026-11-04", "DISCOVERY_MEETING", 7), ("M-2", "R012", "2026-11-18", "DISCOVERY_MEETING", 5),
              ("M-3", "R012", "2026-11-19", "FOLLOW_UP", 9)]                   # follow-ups are not measured
write("activities.csv", ["activity_id", "rep_id", "activity_date", "type", "count"], ACTIVITIES, nov)
write("account_owners.csv", ["account_id", "rep_id", "role", "effective_from", "effective_to"],
      [["A-310", "R007", "RENEWAL", "2026-01-01", ""]], nov)
USAGE = [("2026-08", 20000), ("2026-09", 21000), ("2026-10", 22000), ("2026-11", 25300)]  # A-310, R007's account
write("usage.csv", ["usage_id", "account_id", "product", "usage_month", "quantity", "unit", "revenue", "currency"],
      [[f"U-{m}", "A-310", "API_CALLS", m, revenue // 10, "kcalls", revenue, "USD"] for m, revenue in USAGE], nov)
write("fx_rates.csv", ["currency", "rate_to_usd", "period"], [["EUR", EUR_USD, "2026-11"]], nov)
ADJUSTMENTS = [("ADJ-1", "R002", Decimal("250.00"), "USD", "SPIFF for B-1010 missed in October", "Fiona Finance"),
               ("ADJ-2", "R004", Decimal("150.00"), "EUR", "customer event travel", "Fiona Finance")]
write("adjustments.csv", ["adjustment_id", "rep_id", "amount", "currency", "reason", "approved_by"], ADJUSTMENTS, nov)

# expected November payroll: (rep, earning code) -> amount, in the rep's pay currency
def nov_plan(rep):
    return next(r for r in NOV_REPS if r[0] == rep and r[9] <= "2026-11-30" and (r[10] == "" or r[10] >= "2026-11-01"))

pay = {}
def add(rep, code, amount):
    if amount:
        pay[(rep, code)] = pay.get((rep, code), Decimal(0)) + cents(Decimal(amount))

ae_credit = {}  # AE-2026 from November: the month's credit against the quota, marginal bands, in booking order
for b, day, a, owner, kind, product, acv, cur in sorted(NOV_BOOKINGS, key=lambda b: (b[1], b[0])):
    acv = Decimal(acv)
    for rep, pct in SPLITS.get(b, [(owner, 100)]):
        plan = nov_plan(rep)[7]
        credit = acv * pct / 100
        if plan == "AE-2026":
            before = ae_credit.get(rep, Decimal(0))
            below = max(Decimal(0), min(credit, AE_QUOTA - before))
            # the part above quota earns 15 %: its 15 % - 9 % over the rate at quota is paid as ACCELERATOR
            accelerator = cents((credit - below) * (AE_ACCELERATOR - AE_RATE))
            add(rep, "COMMISSION", cents(below * AE_RATE) + cents((credit - below) * AE_ACCELERATOR) - accelerator)
            add(rep, "ACCELERATOR", accelerator)
            ae_credit[rep] = before + credit
            add(rep, "SPIFF", SPIFF if product == "BACKUP" else 0)
        else:
            add(rep, "COMMISSION", cents(credit * plan_rate(plan, day)))
    add("M001", "COMMISSION", cents(acv * (EUR_USD if cur == "EUR" else 1) * plan_rate("MGR-2026", day)))  # roll-up
add(clawed[4], "CLAWBACK", -cents(Decimal(clawed[7]) * plan_rate("AE-2026", clawed[1])))
emea = [r[0] for r in REPS if r[6] == "EMEA"]
emea_credit = sum(Decimal(r[7]) for r in good if r[4] in emea) + sum(Decimal(b[6]) for b in NOV_BOOKINGS if b[3] in emea)
for rep in emea:
    add(rep, "TEAM_POOL", cents(POOL / len(emea)) if emea_credit >= POOL_TARGET else 0)
for rep, score in MBO_SCORES.items():
    add(rep, "MBO", cents(TI_AM / 12 * MBO_WEIGHT * score))
baseline = cents(sum(Decimal(r) for _, r in USAGE[:3]) / 3)
growth = (Decimal(USAGE[3][1]) / baseline - 1).quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN)
add("R007", "BONUS", BONUS if growth >= BONUS_AT else 0)
meetings = sum(a[4] for a in ACTIVITIES if a[3] == "DISCOVERY_MEETING")
ramp = cents(TI_RAMP / 12 * meetings / RAMP_QUOTA)
add("R012", "COMMISSION", ramp)
add("R012", "DRAW", max(Decimal(0), DRAW - ramp))
for _, rep, amount, cur, _, _ in ADJUSTMENTS:
    add(rep, "ADJUSTMENT", amount)

print("== 2026-11")
print("cancelled", clawed[0], "of", clawed[4], "(clawed back)", "and", kept[0], "of", kept[4], "(no clawback terms)")
print("EMEA credit to date", emea_credit, "target", POOL_TARGET, "; R007 usage growth", growth, "on baseline", baseline)
nov_cur = {}
for (rep, code), amount in sorted(pay.items()):
    cur = nov_plan(rep)[8]
    nov_cur[cur] = nov_cur.get(cur, Decimal(0)) + amount
    print(rep, code, amount, cur)
for cur in sorted(nov_cur):
    print(cur, "payout", nov_cur[cur], "rows", sum(1 for (rep, _) in pay if nov_plan(rep)[8] == cur))
print("earning codes of October and November:", " ".join(sorted({code for _, code in pay} | {"COMMISSION"})))
