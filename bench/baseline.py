"""What a user would write instead of prodgap: pandas + scipy, one pass over every shared column.

    /usr/bin/python3 bench/baseline.py TRAIN.csv PROD.csv [--json OUT.json]

Numeric columns: scipy.stats.ks_2samp and PSI on bins cut at training deciles. Categorical columns: chi-square on
the category contingency table (scipy.stats.chi2_contingency) and PSI over the union of categories. Prints its own
wall time (reading included) on the last line as `baseline wall time: S s`.
"""
import json
import sys
import time

T0 = time.perf_counter()

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402

EPS = 1e-4  # floor for empty bins, as in prodgap's default


def psi(expected_counts, actual_counts):
    e = np.asarray(expected_counts, dtype=float)
    a = np.asarray(actual_counts, dtype=float)
    pe = np.maximum(e / e.sum(), EPS)
    pa = np.maximum(a / a.sum(), EPS)
    return float(np.sum((pa - pe) * np.log(pa / pe)))


def numeric(train, prod):
    x = train.dropna().to_numpy()
    y = prod.dropna().to_numpy()
    ks = stats.ks_2samp(x, y)
    inner = np.unique(np.quantile(x, np.linspace(0.1, 0.9, 9)))
    edges = np.concatenate(([-np.inf], inner, [np.inf]))
    e, _ = np.histogram(x, edges)
    a, _ = np.histogram(y, edges)
    return {"ks": float(ks.statistic), "ks_p": float(ks.pvalue), "psi": psi(e, a)}


def categorical(train, prod):
    e = train.value_counts()
    a = prod.value_counts()
    cats = e.index.union(a.index)
    e = e.reindex(cats, fill_value=0)
    a = a.reindex(cats, fill_value=0)
    chi2, p, dof, _ = stats.chi2_contingency(np.vstack([e.to_numpy(), a.to_numpy()]))
    return {"chi2": float(chi2), "chi2_p": float(p), "dof": int(dof), "psi": psi(e.to_numpy(), a.to_numpy())}


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) < 2:
        print("usage: baseline.py TRAIN.csv PROD.csv [--json OUT.json]", file=sys.stderr)
        return 2
    out = argv[argv.index("--json") + 1] if "--json" in argv else None
    train = pd.read_csv(args[0])
    prod = pd.read_csv(args[1])
    results = {}
    for col in train.columns:
        if col not in prod.columns:
            continue
        if pd.api.types.is_numeric_dtype(train[col]) and pd.api.types.is_numeric_dtype(prod[col]):
            results[col] = numeric(train[col], prod[col])
        else:
            results[col] = categorical(train[col].astype(str), prod[col].astype(str))
    wall = time.perf_counter() - T0
    if out:
        with open(out, "w") as f:
            json.dump({"wall_seconds": wall, "columns": results}, f, indent=1)
    drifted = sorted(results, key=lambda c: -results[c]["psi"])[:3]
    print(f"baseline: {len(train)} + {len(prod)} rows, {len(results)} columns; highest PSI: "
          + ", ".join(f"{c} {results[c]['psi']:.3f}" for c in drifted))
    print(f"baseline wall time: {wall:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
