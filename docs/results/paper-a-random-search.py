#!/usr/bin/env python3
"""Random search over the values paper A does not report, for guo2020-mnist-100, on held-out training images.

Every candidate trains on the first 55,000 training images, takes its labels from a learning-off pass over them and
is scored on training images 55,001-60,000 (--validation-images 5000); the test set is never evaluated. Paper A's
Table 1 values stay fixed. Two candidates run at a time; a run that exceeds the time limit (a layer that collapses
into re-presenting every image 20 times) is reported as timed out.

    python3 docs/results/paper-a-random-search.py screen N RNG_SEED OUT_DIR      # N candidates, seed 1
    python3 docs/results/paper-a-random-search.py list SPEC.json OUT_DIR         # [{"name", "params", "seed", "eval"}]

One JSON line per finished run on standard output: name, seed, accuracy, parameters, training SOPs per image, θ.
"""
import concurrent.futures as cf
import json
import math
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAUNCHER = os.path.join(ROOT, "bin", "spikeprune")


def sample(rng):
    """One candidate: each value drawn uniformly (τθ log-uniformly) in a range around Diehl & Cook's."""
    return {
        "norm.total": round(rng.uniform(70, 110), 1),
        "syn.w_ie": round(rng.uniform(12, 25), 1),
        "syn.w_ei": round(rng.uniform(8, 12), 1),
        "input.intensity": round(rng.uniform(1.8, 3.2), 2),
        "exc.tau_theta_ms": "%.3g" % (10 ** rng.uniform(math.log10(3e6), math.log10(3e7))),
        "exc.refractory_ms": round(rng.uniform(2, 8), 1),
        "syn.delay_max_ms": round(rng.uniform(0, 10), 1),
        "input.min_spikes": rng.randint(3, 8),
    }


def run(out, name, params, seed, evaluation):
    d = os.path.join(out, name)
    result = os.path.join(d, "result.json")
    if not os.path.exists(result):
        os.makedirs(d, exist_ok=True)
        cmd = [LAUNCHER, "train", "--profile", "guo2020-mnist-100", "--seed", str(seed), "--sequential-eval",
               "--out", d]
        if evaluation == "val":
            cmd += ["--validation-images", "5000"]
        for k, v in params.items():
            cmd += ["--set", "%s=%s" % (k, v)]
        with open(os.path.join(d, "log"), "w") as log:
            try:
                subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT,
                               timeout=float(os.environ.get("TIMEOUT", "420")))
            except subprocess.TimeoutExpired:
                raise RuntimeError("%s seed %d timed out: %s" % (name, seed, json.dumps(params)))
    if not os.path.exists(result):
        with open(os.path.join(d, "log")) as log:
            raise RuntimeError("%s seed %d wrote no result: %s" % (name, seed, log.read()[-300:].strip()))
    with open(result) as f:
        return name, seed, params, json.load(f)


def main():
    mode, arg, out = sys.argv[1], sys.argv[2], sys.argv[-1]
    if mode == "screen":
        rng = random.Random(int(sys.argv[3]))
        jobs = [("d%02d" % i, sample(rng), 1, "val") for i in range(int(arg))]
    else:
        with open(arg) as f:
            jobs = [(j["name"], j["params"], j["seed"], j["eval"]) for j in json.load(f)]
    with cf.ThreadPoolExecutor(max_workers=int(os.environ.get("WORKERS", "2"))) as ex:
        for fut in cf.as_completed([ex.submit(run, out, *j) for j in jobs]):
            try:
                name, seed, params, r = fut.result()
            except RuntimeError as e:
                print(json.dumps({"failed": str(e)}), flush=True)
                continue
            state = r.get("state", {})
            print(json.dumps({"name": name, "seed": seed, "accuracy": r["accuracy"], "params": params,
                              "sops_train": round(r["sops"]["train_per_image"]),
                              "theta_min_mv": state.get("theta_min_mv"), "theta_mean_mv": state.get("theta_mean_mv")}),
                  flush=True)


if __name__ == "__main__":
    main()
