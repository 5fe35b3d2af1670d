# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Five outlets on the January 2024 Iran–Pakistan strikes
#
# This notebook walks through the case study of the corpus bundled with `framing`, one step at a time with the
# public API. The same analysis runs in one command as a study (`framing study run
# analyses/iran_pakistan_2024/study.yaml`), which writes an HTML report with every table, figure and the evidence
# behind each number.
#
# The questions:
#
# 1. Which labels does each outlet give **Jaish al-Adl** and **Hamas**, and in whose voice — its own, a quoted
#    source's, or a designation it attributes to a government?
# 2. Which verbs does each outlet use to attribute claims (neutral *said*, distancing *claimed*, emphatic
#    *denounced*…)?
# 3. How does each outlet report the deaths: who died, how many, with or without an agent?
# 4. What did The Times of Israel and Ahram Online each change in the same AFP dispatch?
# 5. Whose voices does each article carry: Pakistan's, Iran's, third parties'? Officials or anonymous sources?
#
# There is one article per outlet, so every comparison below describes **these five articles**, not the outlets'
# coverage in general; the statistics tables say so in their `note` column.

# %%
import warnings

import matplotlib.pyplot as plt
import pandas as pd

import framing
from framing import plot

pd.set_option("display.max_colwidth", 90)
pd.set_option("display.width", 140)
warnings.simplefilter("ignore", category=UserWarning)  # the one-article-per-outlet caveat is in each table's note

# %% [markdown]
# ## The corpus
#
# `example_corpus()` returns the five articles, cleaned: boilerplate lines (site credits, "Read More" links,
# photo captions) are removed, and every offset in every later table indexes this cleaned `text`.

# %%
corpus = framing.example_corpus()
corpus.assign(characters=corpus["text"].str.len())[["doc_id", "outlet", "country", "agency", "date", "characters"]]

# %%
framing.removed_lines(corpus)[["doc_id", "rule", "text"]]

# %% [markdown]
# ## 1. Actor labels, and in whose voice
#
# `actor_labels` finds the label attached to each mention of an actor (a premodifier as in *militant group Jaish
# al-Adl*, an appositive, a copula, or a later *the group* that refers back). `voice` says whether the label is
# inside a quotation; `attributed_to` names the source when the outlet reports the label as someone else's
# designation (*blacklisted by Iran as a terrorist group*).

# %%
actors = {"Jaish al-Adl": ["Jaish al-Adl", "Jaish-ul-Adl", "Army of Justice"], "Hamas": ["Hamas"]}
labels = framing.actor_labels(corpus, actors)
labels[["outlet", "actor", "label", "label_category", "pattern", "voice", "attributed_to"]]

# %% [markdown]
# Whose voice each label is in, per outlet:

# %%
own = (labels["voice"] == "narrator") & labels["attributed_to"].isna()
whose = labels.assign(source=own.map({True: "own voice", False: "quoted or attributed"}))
pd.crosstab([whose["actor"], whose["outlet"]], [whose["source"], whose["label_category"]])

# %% [markdown]
# The evidence is always the text itself: `text[start:end]` of the corpus. For example, every label in Ahram
# Online's article with its context:

# %%
texts = dict(zip(corpus["doc_id"], corpus["text"]))
for row in labels[labels["doc_id"] == "ahram"].itertuples():
    text = texts[row.doc_id]
    print(f"{row.label_category:>11} | {row.voice:<8} | …{text[max(0, row.start - 60):row.end + 30]}…".replace("\n", " "))

# %% [markdown]
# Shares of the label categories each outlet uses **in its own voice** for Jaish al-Adl, with 95 % intervals
# (`compare_shares`; Hamas is labelled in its own voice by one outlet only, so there is nothing to compare).
# With counts this small the overall test is a Monte Carlo Fisher exact test; the point is the shares and their
# intervals.

# %%
jaish_own = labels[own & (labels["actor"] == "Jaish al-Adl")]
label_shares = framing.compare_shares(jaish_own, by="outlet", outcome="label_category", seed=20240117)
label_shares[["group", "measure", "estimate", "ci_low", "ci_high", "count", "exposure", "p_value", "note"]]

# %%
ax = plot.label_shares(label_shares.assign(actor="Jaish al-Adl"), actor="Jaish al-Adl")

# %% [markdown]
# ## 2. Attribution verbs
#
# `attributions` finds who is reported as saying what, and with which verb; `verb_category` is the verb's stance
# from the `attribution` lexicon.

# %%
attributions = framing.attributions(corpus)
attributions[["outlet", "speaker", "verb", "verb_category"]].head(12)

# %%
verb_shares = framing.compare_shares(attributions, by="outlet", outcome="verb_category", seed=20240117)
ax = plot.attribution_profile(verb_shares)

# %% [markdown]
# The distancing attributions, with their sentence:

# %%
distancing = attributions[attributions["verb_category"] == "distancing"]
for row in distancing.itertuples():
    print(f"{row.outlet:<20} {row.verb!r:<14} {texts[row.doc_id][row.start:row.end]!r}")

# %% [markdown]
# ## 3. Casualty framing
#
# One row per casualty statement: who died (`victims`, `victim_category`), how many (`number`), the
# grammatical `construction` (active with an agent, passive with or without one, intransitive, nominal) and the
# `agent` when there is one.

# %%
casualties = framing.casualties(corpus)
casualties[["outlet", "victims", "number", "construction", "agent", "humanising", "emotive", "voice"]]

# %%
construction_shares = framing.compare_shares(casualties, by="outlet", outcome="construction", seed=20240117)
ax = plot.casualty_constructions(construction_shares)

# %% [markdown]
# ## 4. The AFP dispatch in two outlets
#
# `wire_pairs` finds articles that share agency copy; The Times of Israel and Ahram Online ran the same AFP
# dispatch and come out far above every other pair.

# %%
pairs = framing.wire_pairs(corpus)
pairs

# %% [markdown]
# `edits` aligns their sentences: what stayed the same, what was reworded, and what only one side has.

# %%
edits = framing.edits(corpus, "timesofisrael", "ahram")
edits["op"].value_counts()

# %%
ax = plot.wire_edits(edits, label_a="The Times of Israel", label_b="Ahram Online")

# %%
for op, column in (("only_a", "text_a"), ("only_b", "text_b")):
    side = "Times of Israel only" if op == "only_a" else "Ahram Online only"
    print(f"--- {side}")
    for text in edits.loc[edits["op"] == op, column]:
        print("  ", text)

# %%
edits.loc[edits["op"] == "changed", ["text_a", "text_b", "deleted", "inserted"]]

# %% [markdown]
# ## Lexicon rates across outlets
#
# `score` counts every lexicon category in every document, by voice, zeros included; `compare` gives each
# outlet's rate ratio against the pooled rate with exact intervals (one article per outlet).

# %%
scores = framing.score(corpus)
ax = plot.rate_heatmap(scores, lexicons=["actor_labels", "attribution", "hedging", "evaluative"], voice="narrator")

# %%
rates = framing.compare(scores, by="outlet", voice="narrator", lexicon=["actor_labels", "hedging"], seed=20240117)
ratios = rates[rates["measure"].str.contains("rate ratio")]
ratios[["group", "measure", "estimate", "ci_low", "ci_high", "p_adjusted", "count"]].head(10)

# %%
ax = plot.forest(rates)

# %% [markdown]
# ## Distinctive terms
#
# The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): the words each outlet
# uses more than the others.

# %%
key = framing.keyness(corpus, by="outlet")
fig = plot.keyness_terms(key, n=8)

# %% [markdown]
# ## The whole analysis as a report
#
# `framing.report` runs all of the above and writes an offline HTML page with the figures, the tables (every
# number links to its evidence), an evidence browser, CSV tables and a manifest of inputs, versions and seeds.
# `framing.run_study` does the same from the study spec in `analyses/iran_pakistan_2024/study.yaml`.

# %%
import tempfile
from pathlib import Path

out = Path(tempfile.mkdtemp()) / "report"
index = framing.report(corpus, out, actors=actors, wire=[("timesofisrael", "ahram")], seed=20240117)
sorted(p.name for p in (out / "tables").glob("*.csv"))

# %% [markdown]
# ## A lexicon of your own: check it, review it in context, measure its precision
#
# A lexicon for a new question starts from a few seed words. On a corpus of thousands of articles,
# `framing.suggest_terms(corpus, seeds)` proposes terms and phrases learned from the corpus itself (five articles
# are too few for word vectors; `analyses/immigrant_labels/run.py` does it on AllSides). Here a small lexicon
# written by hand goes through the same checks: every problem with its line, the coverage of each term, and a
# seeded sample of each term's matches to judge (the `correct` column is filled by a person; here a rule stands
# in for the judge so the notebook runs on its own).

# %%
lex_path = Path(tempfile.mkdtemp()) / "strikes.yaml"
lex_path.write_text("""name: strikes
version: "1"
categories:
  attack:
    terms: [strike*, attack*]
  response:
    description: Words for a response.
    terms: [retaliat*, strikes]
""", encoding="utf-8")
framing.lint_lexicon(lex_path, corpus=corpus)[["line", "code", "message"]]

# %%
framing.lexicon_coverage(lex_path, corpus)[["category", "term", "n_matches", "n_docs", "category_share", "no_match"]]

# %%
review = framing.review_sample(lex_path, corpus, per_term=5, seed=1)
review["correct"] = (~review["right"].str.lower().str.startswith("on the")).astype(int)  # a stand-in judge
framing.review_precision(review)[["level", "category", "term", "n_judged", "precision", "ci_low", "ci_high", "drop"]]


# %% [markdown]
# ## Whose voices: Pakistan's, Iran's, third parties'?
#
# `framing.sources` gives every attributed statement (direct quote, partial quote, reported speech) its source:
# the resolved name (one person named several ways is one source), its type (government, military and security,
# media, expert, ...), the side it speaks for and whether it is anonymous. `start`/`end` span the statement,
# so every row is traceable to the text.

# %%
src = framing.sources(corpus)
src[["doc_id", "source", "source_type", "affiliation", "anonymous", "verb", "kind", "n_words"]].head(12)

# %% [markdown]
# Per article: the statements of each side, and the balance (Pakistan − Iran) / (Pakistan + Iran) among the
# statements of sources affiliated with either (+1: only Pakistan, −1: only Iran).

# %%
framing.article_balance(src, ("Pakistan", "Iran"))

# %%
balance = framing.source_balance(src, ("Pakistan", "Iran"))
balance[["group", "measure", "estimate", "ci_low", "ci_high", "p_adjusted", "method"]]

# %% [markdown]
# How much space each side gets (shares of the words of its statements), and which kinds of sources speak:

# %%
words = framing.source_shares(src, outcome="affiliation", weight="words")
words[words["measure"].str.endswith(" share")][["group", "measure", "estimate", "ci_low", "ci_high"]]

# %%
ax = plot.source_dots(framing.source_shares(src, outcome="source_type"))
plt.show()
