"""Would a learned source typer beat the rules on unseen text? Leave one coded sample out.

The hand-coded samples of ``framing.sources`` (``sources_coding.csv`` and ``sources_coding_heldout*.csv``, the
first coding of each) hold about 970 statements the library pairs with a row. For each sample in turn, a
logistic regression is fitted on the others and scored on it, against the rules' own type on the same rows. Features: word 1-2-grams of
the library's source mention and name, character 2-5-grams of 80 characters either side of the mention (or of
the cue when no source is named), and the rules' type and anonymity as tokens (so the model can keep or
overrule the rules).

The rules' figures here are fitted for most samples (the rules were written from their disagreements; the
eighth was read for one rule only), so this compares a learned typer with rules at their best on those.

Run::

    python benchmarks/sources_learned_type.py          # about 2 minutes
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
import validate_sources as vs  # noqa: E402

HERE = Path(__file__).resolve().parent
#: the first coding of every sample (a sample's second coding, ``*_second.csv``, codes the same cues)
FILES = sorted(p.name for p in HERE.glob("sources_coding*.csv") if not p.stem.endswith("_second"))


def statements() -> pd.DataFrame:
    """One row per coded statement the library pairs with a sources row: the coded type and the features."""
    rows = []
    for name in FILES:
        coding = vs.load_coding(HERE / name)
        corpus = vs.allsides_corpus(coding["doc_id"])
        texts = dict(zip(corpus["doc_id"], corpus["text"]))
        coding = coding.assign(pred_=vs.pair(coding, vs.run_sources(corpus)))
        for r in coding[coding["is_statement"] & coding["pred_"].notna()].itertuples(index=False):
            p, text = r.pred_, texts[r.doc_id]
            a, b = p.get("source_start"), p.get("source_end")
            if pd.notna(a):
                a, b = int(a), int(b)
                ctx = f"{text[max(0, a - 80):a]} [S] {text[a:b]} [E] {text[b:b + 80]}"
            else:
                ctx = text[max(0, int(r.cue_start) - 120):int(r.cue_start) + 40]
            rows.append({"file": name, "gold": r.source_type, "rule": p.get("source_type") or "none",
                         "words": f"{p.get('source_mention') or ''} || {p.get('source') or ''}".lower(),
                         "rule_tokens": f"RULE_{p.get('source_type')} ANON_{p.get('anonymous')}", "ctx": ctx})
    return pd.DataFrame(rows)


def fit_predict(train: pd.DataFrame, test: pd.DataFrame, c: float) -> pd.Series:
    blocks = [(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), "words", 1.0),
              (TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2), "ctx", 0.5),
              (TfidfVectorizer(token_pattern=r"\S+"), "rule_tokens", 2.0)]
    x_train = hstack([w * v.fit_transform(train[col]) for v, col, w in blocks]).tocsr()
    x_test = hstack([w * v.transform(test[col]) for v, col, w in blocks]).tocsr()
    model = LogisticRegression(C=c, max_iter=3000).fit(x_train, train["gold"])
    return pd.Series(model.predict(x_test), index=test.index)


def main() -> None:
    data = statements()
    out = []
    for name in FILES:
        train, test = data[data["file"] != name], data[data["file"] == name]
        row = {"left out": name, "n": len(test), "rules": (test["rule"] == test["gold"]).mean()}
        for c in (1.0, 3.0, 10.0):
            row[f"learned C={c:g}"] = (fit_predict(train, test, c) == test["gold"]).mean()
        out.append(row)
    table = pd.DataFrame(out)
    print(table.to_string(index=False, float_format="%.3f"))
    print("mean over samples:", table.drop(columns=["left out", "n"]).mean().round(3).to_dict())


if __name__ == "__main__":
    main()
