#!/usr/bin/env python3
"""Checks `gloss agree` against the reference implementations on random classes of annotators.

Each case is a few annotators' projects of one article with N comments, each comment tagged on the 3-point scale
by each annotator or left untagged; `gloss agree --json` measures them and the numbers are compared with
scikit-learn's `cohen_kappa_score` (two annotators, the comments both tagged), statsmodels' `fleiss_kappa` (the
comments everyone tagged) and the `krippendorff` package's `alpha`, nominal and ordinal (untagged comments are
missing values).

    python3 -m pip install scikit-learn statsmodels krippendorff
    python3 tools/reference/check_agreement.py target/release/gloss [CASES]
"""

import csv
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

LEVELS = ["Negative", "Neutral", "Positive"]


def project(gloss, folder, name, tags):
    """A project of one article whose comments `name` tagged with `tags` (None: untagged), on the 3-point scale."""
    data = folder / name
    data.mkdir()
    with open(data / "documents.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["document_id", "title", "body"])
        w.writerow(["d1", "An article", "The article's body."])
    with open(data / "comments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["document_id", "comment_id", "number", "author", "sentiment", "text", "annotator"])
        for i, tag in enumerate(tags):
            w.writerow(["d1", f"c{i}", str(i + 1), "reader", "" if tag is None else LEVELS[tag], f"Comment {i}.", name])
    with open(data / "spans.csv", "w", newline="") as f:
        csv.writer(f).writerow(["document_id", "span_id", "part", "target", "comment_id", "label", "start", "end"])
    out = folder / f"{name}.ron"
    subprocess.run([gloss, "import", str(data), "--into", str(out)], check=True, capture_output=True)
    # The default scale has Mixed after the three; the 3-point preset drops it (no comment uses it).
    text = out.read_text()
    text = re.sub(r"\(\s*id: \d+,\s*name: \"Mixed\",.*?\n\s*\),\s*", "", text, count=1, flags=re.S)
    out.write_text(text)
    return out


def close(ours, theirs):
    if theirs is None or (isinstance(theirs, float) and math.isnan(theirs)):
        return ours is None
    return ours is not None and abs(ours - theirs) < 1e-9


def main():
    # The references warn where a coefficient is undefined; that is a case to compare, not a failure.
    warnings.filterwarnings("ignore")
    gloss = sys.argv[1]
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    rng = random.Random(7)
    checked = {"cohen_kappa": 0, "fleiss_kappa": 0, "krippendorff_alpha_nominal": 0, "krippendorff_alpha_ordinal": 0}
    worst = 0.0
    for case in range(cases):
        raters = rng.randint(2, 6)
        items = rng.randint(3, 60)
        missing = rng.choice([0.0, 0.1, 0.3])
        # Annotators who mostly agree, as real ones do, with some noise; now and then all alike, or all of one
        # level, where some coefficients are undefined.
        mode = rng.choice(["noisy"] * 8 + ["alike", "one level"])
        truth = [0 if mode == "one level" else rng.randrange(3) for _ in range(items)]
        keep = 1.0 if mode != "noisy" else 0.7
        tags = [[None if rng.random() < missing else (t if rng.random() < keep else rng.randrange(3)) for t in truth]
                for _ in range(raters)]
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            files = [str(project(gloss, folder, f"a{r}", tags[r])) for r in range(raters)]
            run = subprocess.run([gloss, "agree", *files, "--json"], capture_output=True, text=True,
                                 env={"GLOSS_DATA_DIR": str(folder / "data"), "PATH": "/usr/bin:/bin"})
            if run.returncode != 0:
                print(f"case {case}: gloss agree failed: {run.stderr}")
                return 1
            ours = json.loads(run.stdout)["comments"]
        reference = {}
        if raters == 2:
            both = [(a, b) for a, b in zip(*tags) if a is not None and b is not None]
            if both:
                a, b = zip(*both)
                with np.errstate(all="ignore"):
                    reference["cohen_kappa"] = float(cohen_kappa_score(a, b, labels=[0, 1, 2]))
        full = [row for row in zip(*tags) if all(t is not None for t in row)]
        if full:
            table, _ = aggregate_raters(np.array(full), n_cat=3)
            with np.errstate(all="ignore"):
                reference["fleiss_kappa"] = float(fleiss_kappa(table, method="fleiss"))
        data = np.array([[np.nan if t is None else t for t in row] for row in tags], dtype=float)
        for level in ["nominal", "ordinal"]:
            try:
                value = krippendorff.alpha(reliability_data=data, level_of_measurement=level, value_domain=[0, 1, 2])
            except (ValueError, ZeroDivisionError):
                value = float("nan")
            reference[f"krippendorff_alpha_{level}"] = float(value)
        for key, theirs in reference.items():
            if not close(ours[key], theirs):
                print(f"case {case} ({raters} annotators, {items} comments): {key} gloss {ours[key]} reference {theirs}")
                print(f"  tags {tags}")
                return 1
            if ours[key] is not None:
                checked[key] += 1
                worst = max(worst, abs(ours[key] - theirs))
    print(f"{cases} cases; equal to the reference in every one (largest difference {worst:.1e}); defined values compared:")
    for key, count in checked.items():
        print(f"  {key}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
