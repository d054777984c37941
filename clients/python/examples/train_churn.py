"""A small churn model trained in pure Python, recorded by Headwater's emitter.

    HEADWATER_URL=http://127.0.0.1:5000 python3 examples/train_churn.py --model-version 7

It reads the Spark demo's output as training data and an Airflow task's output as test data (by
name: the numbers below are generated), trains a logistic regression by gradient descent, and
records parameters, per-epoch metrics, the reference profile drift detection compares serving
against, and the model version. Everything else (git, Python packages, GPUs) is captured by itself.
"""

import argparse
import math
import os
import random
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))

import headwater  # noqa: E402

TENURE_EDGES = [0, 6, 12, 24, 36, 60]


def customers(n, rng):
    rows = []
    for _ in range(n):
        tenure = min(59.9, rng.expovariate(1 / 18))
        plan = rng.choice(["basic", "basic", "pro", "team"])
        spend = rng.gauss(40 if plan == "basic" else 90, 15)
        churn = rng.random() < 1 / (1 + math.exp(0.08 * tenure - 1.0 + (0.6 if plan != "basic" else 0)))
        rows.append((tenure, plan, spend, churn))
    return rows


def features(row):
    tenure, plan, spend, _ = row
    return [1.0, tenure / 60, 1.0 if plan == "pro" else 0.0, 1.0 if plan == "team" else 0.0, spend / 100]


def predict(w, x):
    return 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))


def auc(scores, labels):
    positives = [s for s, y in zip(scores, labels) if y]
    negatives = [s for s, y in zip(scores, labels) if not y]
    if not positives or not negatives:
        return 0.5
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in positives[:400] for n in negatives[:400])
    return wins / (len(positives[:400]) * len(negatives[:400]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-version", default="1")
    parser.add_argument("--learning-rate", type=float, default=0.5)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with headwater.run("churn-train", namespace="ml") as run:
        run.params({"learning_rate": args.learning_rate, "epochs": args.epochs, "rows": args.rows, "seed": args.seed,
                    "model": "logistic-regression"})
        run.input("/srv/spark-demo/data/out/top_countries", role="training")
        run.input("gs://mock-bucket/result.csv", role="test")
        train, test = customers(args.rows, rng), customers(args.rows // 4, rng)
        w = [0.0] * 5
        for epoch in range(1, args.epochs + 1):
            for row in train:
                x = features(row)
                error = predict(w, x) - (1.0 if row[3] else 0.0)
                w = [wi - args.learning_rate * error * xi / 10 for wi, xi in zip(w, x)]
            scores = [predict(w, features(r)) for r in test]
            run.metric("auc", auc(scores, [r[3] for r in test]), step=epoch)
        predictions = [predict(w, features(r)) >= 0.5 for r in test]
        run.metric("accuracy", sum(p == r[3] for p, r in zip(predictions, test)) / len(test))
        tenure_counts = [0] * (len(TENURE_EDGES) - 1)
        for r in train:
            tenure_counts[max(i for i, e in enumerate(TENURE_EDGES[:-1]) if r[0] >= e)] += 1
        plans = {}
        for r in train:
            plans[r[1]] = plans.get(r[1], 0) + 1
        run.reference_profile([headwater.numeric("tenure", TENURE_EDGES, tenure_counts), headwater.categorical("plan", plans)],
                              prediction=headwater.categorical("churn", {"true": sum(predictions), "false": len(predictions) - sum(predictions)}))
        run.output_model("churn", args.model_version, uri="s3://models/churn/" + args.model_version, framework="headwater-example")
    print("run %s recorded; model churn version %s" % (run.run_id, args.model_version))


if __name__ == "__main__":
    main()
