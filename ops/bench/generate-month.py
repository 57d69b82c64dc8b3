#!/usr/bin/env python3
"""Writes a seeded inbox for one pay period at benchmark scale: the reference month is 2,000 reps,
200,000 bookings and 5,000,000 usage rows.

    ops/bench/generate-month.py --out /tmp/bench-inbox/2026-10 --period 2026-10
    ops/bench/generate-month.py --out /tmp/smoke --period 2026-10 --reps 50 --bookings 2000 --usage 20000

Every row is valid under the intake validators (src/main/java/io/compclose/intake/*Validator.java),
so the close rejects nothing: the benchmark measures accepted rows. Rows are written as they are
made (nothing holds the 5M usage rows), with no quoted cells, so the raw-INSERT baseline
(RawInsert.java) can split lines on commas. The same arguments always give the same bytes: each
file has its own seeded generator, so changing --usage does not change bookings.csv.

The files:
  reps.csv            one open assignment per rep from January 1st of the period's year; about one
                      MANAGER per 8 reps (the first manager heads the others), the rest AE, AM, CSM,
                      RENEWAL and SDR in a fixed mix; every pay_currency USD
  plans/*.yaml        one plan per role, a flat rate each (see PLANS)
  crediting.yaml      owner or splits, the renewal rep on renewals, the rep's manager (one level up),
                      and the SDR who sourced the deal: every role has credit to be paid on
  bookings.csv        booked in the period by AE and AM reps, USD, a third of new business sourced by
                      an SDR
  splits.csv          about 3 % of bookings split 60/40 between the owner and another AE or AM
  cancellations.csv   about 0.5 % of bookings, cancelled later in the same month
  activities.csv      ten rows per SDR and AE
  account_owners.csv  one CSM and one RENEWAL rep per account, from January 1st, open
  usage.csv           unique usage ids, USD, revenue >= 0; ~85 % in the period's month, ~5 % in each
                      of the three months before it
"""
import argparse
import calendar
import os
import random
import sys

SEED = 20261000

# role -> plan id, plan name, metric, flat rate. Every plan pays a flat rate on a money metric, the
# simplest valid plan (jobs/plans.md, "Flat rate on value"); the plan ids do not change with scale.
PLANS = {
    "AE": ("AE-2026", "Account Executive, FY2026", "BOOKINGS_ACV", "0.08"),
    "AM": ("AM-2026", "Account Manager, FY2026", "BOOKINGS_ACV", "0.05"),
    "RENEWAL": ("RN-2026", "Renewal Specialist, FY2026", "BOOKINGS_ACV", "0.03"),
    "MANAGER": ("MGR-2026", "Sales Manager, FY2026", "BOOKINGS_ACV", "0.01"),
    "SDR": ("SDR-2026", "Sales Development Representative, FY2026", "SOURCED_ACV", "0.02"),
    "CSM": ("CSM-2026", "Customer Success Manager, FY2026", "USAGE_REVENUE", "0.01"),
}

# the mix of the non-manager reps, cycled so that even a small roster has every role
ROLE_CYCLE = ["AE", "AM", "CSM", "AE", "SDR", "AM", "AE", "RENEWAL", "CSM", "AE",
              "SDR", "AM", "AE", "CSM", "AE", "RENEWAL", "AM", "SDR", "AE", "CSM"]

FIRST = ["Ana", "Ben", "Chloe", "Dieter", "Emma", "Farid", "Grace", "Hiro", "Isla", "Jon", "Kara", "Luis",
         "Mona", "Nils", "Olga", "Pia", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Victor", "Wen", "Yara", "Zoe"]
LAST = ["Alvarez", "Brooks", "Dubois", "Krause", "Evans", "Haddad", "Kim", "Tanaka", "Murphy", "Lind",
        "Novak", "Okafor", "Petrov", "Rossi", "Silva", "Takahashi", "Ullman", "Vargas", "Weber", "Young"]
PRODUCTS = ["PLATFORM", "BACKUP", "ANALYTICS", "SUPPORT", "STORAGE", "COMPUTE"]
UNITS = {"PLATFORM": "SEAT", "BACKUP": "GB", "ANALYTICS": "QUERY", "SUPPORT": "HOUR", "STORAGE": "GB",
         "COMPUTE": "VCPU_HOUR"}
TERMS = [12, 12, 12, 24, 36]

BUFFER = 1 << 20


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="the inbox folder to write (created)")
    p.add_argument("--period", required=True, help="pay period YYYY-MM")
    p.add_argument("--reps", type=int, default=2000)
    p.add_argument("--bookings", type=int, default=200000)
    p.add_argument("--usage", type=int, default=5000000)
    p.add_argument("--bad-bookings", type=int, default=0,
                   help="that many more bookings.csv rows whose acv is not a number: rejected rows to page through")
    p.add_argument("--accounts", type=int, default=None,
                   help="distinct accounts (default: bookings / 4, at least 20)")
    a = p.parse_args()
    try:
        year, month = (int(x) for x in a.period.split("-"))
        if not (1 <= month <= 12 and len(a.period) == 7):
            raise ValueError
    except ValueError:
        p.error("--period must be YYYY-MM")
    if a.reps < 8:
        p.error("--reps must be at least 8 (a manager and every role)")
    if a.bookings < 0 or a.usage < 0:
        p.error("--bookings and --usage must not be negative")
    a.year, a.month = year, month
    if a.accounts is None:
        a.accounts = max(20, a.bookings // 4)
    return a


def rng_for(name):
    return random.Random(f"{SEED}:{name}")


def months_back(year, month, n):
    m = year * 12 + (month - 1) - n
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def money(rng, low, high):
    """A non-negative amount with 0 or 2 decimals, as a plain string."""
    whole = rng.randint(low, high)
    cents = rng.randint(1, 99) if rng.random() < 0.25 else 0
    return f"{whole}" if cents == 0 else f"{whole}.{cents:02d}"


def write_plans(out, year):
    os.makedirs(os.path.join(out, "plans"), exist_ok=True)
    for role, (plan, name, metric, rate) in PLANS.items():
        with open(os.path.join(out, "plans", plan.lower() + ".yaml"), "w", encoding="utf-8") as f:
            f.write(f"""# Benchmark plan for role {role}: a flat rate on {metric}.
plan: {plan}
version: 1
name: {name}
effective_from: {year}-01-01
effective_to: {year}-12-31
currency: USD
components:
  - id: {metric.lower().replace('_', '-')}
    metric: {metric}
    pay: RATE_ON_VALUE
    rate: {rate}
""")


CREDITING = """# Benchmark crediting rules (jobs/crediting.md).
rules:
  - {id: owner-or-splits, kind: PRIMARY}
  - {id: renewal-rep, kind: OVERLAY, role: RENEWAL, when: "type == 'RENEWAL'", share: 1.0}
  - {id: manager, kind: ROLLUP, levels: 1}
  - {id: sdr, kind: SOURCED, share: 1.0}
"""


def write_crediting(out):
    with open(os.path.join(out, "crediting.yaml"), "w", encoding="utf-8") as f:
        f.write(CREDITING)


def write_reps(out, n, year):
    """Returns rep ids per role."""
    managers = max(1, round(n / 8))
    by_role = {r: [] for r in PLANS}
    rng = rng_for("reps")
    start = f"{year}-01-01"
    with open(os.path.join(out, "reps.csv"), "w", encoding="utf-8", newline="", buffering=BUFFER) as f:
        f.write("rep_id,employee_id,name,email,role,manager_id,team,plan_id,pay_currency,effective_from,effective_to\n")
        for i in range(1, n + 1):
            rep = f"R{i:05d}"
            if i <= managers:
                role = "MANAGER"
                manager = "" if i == 1 else "R00001"  # the first manager heads the others
                team = f"Team-{i:03d}"
            else:
                role = ROLE_CYCLE[(i - managers - 1) % len(ROLE_CYCLE)]
                boss = (i - managers - 1) % managers + 1
                manager = f"R{boss:05d}"
                team = f"Team-{boss:03d}"
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first.lower()}.{last.lower()}.{i:05d}@example.com"
            f.write(f"{rep},E{i:05d},{first} {last},{email},{role},{manager},{team},{PLANS[role][0]},USD,{start},\n")
            by_role[role].append(rep)
    return by_role


def write_bookings(out, n, year, month, accounts, by_role, bad=0):
    rng = rng_for("bookings")
    days = calendar.monthrange(year, month)[1]
    owners = [("AE", r) for r in by_role["AE"]] + [("AM", r) for r in by_role["AM"]]
    sdrs = by_role["SDR"]
    types = {"AE": ("NEW", "NEW", "NEW", "UPSELL", "CROSS_SELL"),
             "AM": ("UPSELL", "CROSS_SELL", "RENEWAL", "RENEWAL")}
    split = rng_for("splits")  # their own generators: bookings.csv is the same with or without them
    cancel = rng_for("cancellations")
    with open(os.path.join(out, "bookings.csv"), "w", encoding="utf-8", newline="", buffering=BUFFER) as f, \
            open(os.path.join(out, "splits.csv"), "w", encoding="utf-8", newline="", buffering=BUFFER) as splits, \
            open(os.path.join(out, "cancellations.csv"), "w", encoding="utf-8", newline="") as cancellations:
        f.write("booking_id,booked_on,account_id,account_name,owner_rep_id,type,product,acv,tcv,term_months,"
                "currency,sourced_by_rep_id,bundle_id\n")
        splits.write("booking_id,rep_id,percent,role\n")
        cancellations.write("cancellation_id,booking_id,cancelled_on,reason\n")
        lines = []
        for i in range(1, n + 1):
            role, owner = owners[rng.randrange(len(owners))]
            kind = rng.choice(types[role])
            acct = rng.randrange(accounts) + 1
            acv = money(rng, 1000, 120000)
            term = rng.choice(TERMS)
            # tcv = acv * term / 12 with at most 2 decimals, since term is a multiple of 12
            cents = round(float(acv) * 100) * (term // 12)
            tcv = f"{cents // 100}.{cents % 100:02d}"
            sourced = sdrs[rng.randrange(len(sdrs))] if kind == "NEW" and sdrs and rng.random() < 0.34 else ""
            bundle = f"BN-{i:07d}" if rng.random() < 0.05 else ""
            day = rng.randint(1, days)
            lines.append(f"B-{i:07d},{year:04d}-{month:02d}-{day:02d},A-{acct:06d},"
                         f"Account {acct:06d},{owner},{kind},{rng.choice(PRODUCTS)},{acv},{tcv},{term},USD,"
                         f"{sourced},{bundle}\n")
            if split.random() < 0.03 and len(owners) > 1:  # 60/40 with another seller
                other = owners[split.randrange(len(owners))][1]
                if other != owner:
                    splits.write(f"B-{i:07d},{owner},60,PRIMARY\nB-{i:07d},{other},40,SECONDARY\n")
            if cancel.random() < 0.005:  # booked and cancelled in the same month: clawed back at once
                cancellations.write(f"C-{i:07d},B-{i:07d},{year:04d}-{month:02d}-{cancel.randint(day, days):02d},"
                                    f"customer withdrew\n")
            if len(lines) == 10000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)
        for i in range(1, bad + 1):  # after the good rows, so bookings.csv's good rows are the same with or without
            f.write(f"B-X{i:06d},{year:04d}-{month:02d}-01,A-000001,Account 000001,{owners[i % len(owners)][1]},NEW,"
                    f"{PRODUCTS[0]},n/a,0.00,12,USD,,\n")


def write_activities(out, year, month, by_role):
    """Ten activity rows per SDR and AE in the month: discovery meetings and follow-ups."""
    rng = rng_for("activities")
    days = calendar.monthrange(year, month)[1]
    with open(os.path.join(out, "activities.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("activity_id,rep_id,activity_date,type,count\n")
        n = 0
        for rep in by_role["SDR"] + by_role["AE"]:
            for _ in range(10):
                n += 1
                kind = rng.choice(("DISCOVERY_MEETING", "FOLLOW_UP"))
                f.write(f"ACT-{n:07d},{rep},{year:04d}-{month:02d}-{rng.randint(1, days):02d},{kind},"
                        f"{rng.randint(1, 6)}\n")
    return n


def write_account_owners(out, accounts, year, by_role):
    csms, renewals = by_role["CSM"], by_role["RENEWAL"]
    with open(os.path.join(out, "account_owners.csv"), "w", encoding="utf-8", newline="", buffering=BUFFER) as f:
        f.write("account_id,rep_id,role,effective_from,effective_to\n")
        lines = []
        for a in range(1, accounts + 1):
            lines.append(f"A-{a:06d},{csms[(a - 1) % len(csms)]},CSM,{year}-01-01,\n")
            lines.append(f"A-{a:06d},{renewals[(a - 1) % len(renewals)]},RENEWAL,{year}-01-01,\n")
            if len(lines) == 10000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)


def write_usage(out, n, year, month, accounts):
    rng = rng_for("usage")
    period = f"{year:04d}-{month:02d}"
    months = [period] * 17 + [months_back(year, month, k) for k in (1, 2, 3)]  # 85 % / 5 % / 5 % / 5 %
    randrange = rng.randrange
    nprod, nmonths = len(PRODUCTS), len(months)
    with open(os.path.join(out, "usage.csv"), "w", encoding="utf-8", newline="", buffering=BUFFER) as f:
        f.write("usage_id,account_id,product,usage_month,quantity,unit,revenue,currency\n")
        lines = []
        for i in range(1, n + 1):
            product = PRODUCTS[randrange(nprod)]
            qty_milli = randrange(1, 5_000_000)  # 0.001 .. 4999.999, three decimals
            revenue_cents = randrange(0, 2_500_000)  # 0.00 .. 24999.99
            lines.append(f"U-{i:08d},A-{randrange(accounts) + 1:06d},{product},{months[randrange(nmonths)]},"
                         f"{qty_milli // 1000}.{qty_milli % 1000:03d},{UNITS[product]},"
                         f"{revenue_cents // 100}.{revenue_cents % 100:02d},USD\n")
            if len(lines) == 20000:
                f.writelines(lines)
                lines.clear()
                if i % 1_000_000 == 0:
                    print(f"  usage.csv: {i:,} rows", file=sys.stderr, flush=True)
        f.writelines(lines)


def main():
    a = parse_args()
    os.makedirs(a.out, exist_ok=True)
    write_plans(a.out, a.year)
    write_crediting(a.out)
    by_role = write_reps(a.out, a.reps, a.year)
    write_bookings(a.out, a.bookings, a.year, a.month, a.accounts, by_role, a.bad_bookings)
    write_account_owners(a.out, a.accounts, a.year, by_role)
    activities = write_activities(a.out, a.year, a.month, by_role)
    write_usage(a.out, a.usage, a.year, a.month, a.accounts)
    roles = ", ".join(f"{r} {len(v)}" for r, v in by_role.items())
    print(f"wrote {a.out} for {a.period}")
    print(f"reps.csv {a.reps} ({roles})")
    print(f"plans/ {len(PLANS)}")
    print(f"bookings.csv {a.bookings}" + (f" and {a.bad_bookings} rows to reject" if a.bad_bookings else ""))
    print(f"splits.csv, cancellations.csv: about 3 % and 0.5 % of bookings; activities.csv {activities}")
    print(f"account_owners.csv {2 * a.accounts} (a CSM and a renewal rep per account)")
    print(f"usage.csv {a.usage}")


if __name__ == "__main__":
    main()
