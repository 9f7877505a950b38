"""The peer of Behoud's pipeline: what a data-savvy analyst writes in pandas for the same report.

Reads the English order export, builds the monthly cohort matrix (month of first purchase x months
since) and the monthly S / N / E of METRICS.md with a 365-day activity window: a customer is active
at moment t when they bought in (t - 365 days, t]; for a month, S is the count at t0 (the day
before its first day), E at t1 (its last day), and N the customers whose first purchase falls in it.

Usage: python3 pandas_pipeline.py ORDERS.csv [PERIODS_OUT.json]
Prints one JSON object with the timings in seconds (interpreter start and `import pandas` are
timed apart, as the page load is for the app). PERIODS_OUT receives the per-month S / N / E so the
benchmark can check them against the app's own numbers.
"""

import json
import sys
import time

started = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

imported = time.perf_counter()


def main() -> None:
    path = sys.argv[1]
    periods_out = sys.argv[2] if len(sys.argv) > 2 else None

    t0 = time.perf_counter()
    df = pd.read_csv(path, parse_dates=["order_date"])
    t_read = time.perf_counter()

    # Integer customer codes: every later group-by and distinct count is over ints, not strings.
    df["customer"] = pd.factorize(df["email"])[0]
    first = df.groupby("customer")["order_date"].transform("min")
    month_number = df["order_date"].dt.year * 12 + df["order_date"].dt.month
    cohort_number = first.dt.year * 12 + first.dt.month
    df["cohort"] = first.dt.to_period("M")
    df["age"] = month_number - cohort_number
    matrix = df.groupby(["cohort", "age"])["customer"].nunique().unstack(fill_value=0)
    retention = matrix.div(matrix[0], axis=0)
    t_cohorts = time.perf_counter()

    # Monthly S / N / E with the 365-day window.
    first_per_customer = df.groupby("customer")["order_date"].min()
    new_per_month = first_per_customer.dt.to_period("M").value_counts()
    months = pd.period_range(df["order_date"].min(), df["order_date"].max(), freq="M")
    dates = df["order_date"]
    window = pd.Timedelta(days=365)
    active_cache: dict = {}

    def active_at(t: pd.Timestamp) -> int:
        if t not in active_cache:
            in_window = (dates > t - window) & (dates <= t)
            active_cache[t] = int(df.loc[in_window, "customer"].nunique())
        return active_cache[t]

    rows = []
    for month in months:
        start = month.start_time.normalize()
        end = month.end_time.normalize()
        rows.append(
            {
                "period": str(month),
                "S": active_at(start - pd.Timedelta(days=1)),
                "N": int(new_per_month.get(month, 0)),
                "E": active_at(end),
            }
        )
    t_sne = time.perf_counter()

    if periods_out:
        with open(periods_out, "w") as out:
            json.dump(rows, out)
    print(
        json.dumps(
            {
                "rows": int(len(df)),
                "customers": int(df["customer"].max() + 1),
                "cohorts": int(matrix.shape[0]),
                "firstCohortMonth1": float(retention.iloc[0, 1]),
                "importSeconds": imported - started,
                "readSeconds": t_read - t0,
                "cohortSeconds": t_cohorts - t_read,
                "sneSeconds": t_sne - t_cohorts,
                "totalSeconds": t_sne - t0,
                "pandas": pd.__version__,
                "numpy": np.__version__,
                "threads": thread_info(),
            }
        )
    )


def thread_info() -> str:
    """numpy's BLAS thread pools, when threadpoolctl is there (pandas' work here uses none)."""
    try:
        from threadpoolctl import threadpool_info  # type: ignore

        pools = threadpool_info()
        return ", ".join(f"{p['internal_api']}: {p['num_threads']} threads" for p in pools) or "none"
    except ImportError:
        return "threadpoolctl not installed"


if __name__ == "__main__":
    main()
