"""The study key casualties: and the report section "Whose deaths" (framing/report/casualty_sides.py), and the
reader option read: (framing.read_tables), on a small sentence dataset written here: two outlets' sentences in
one CSV each, numbered by article within the file, tokenised, with a hand-coded side per sentence and a table of
running death totals with a column per area, as the published Gaza datasets come."""

import pandas as pd
import pytest

import framing
from framing.errors import InputNotFoundError, SchemaError
from framing.report.study import load_study, run_study

SENTENCES = [
    # file, article, date, sentence (tokenised), hand category
    ("a.csv", 1, "10/08/2023", "Israeli airstrikes killed 40 Palestinians in Gaza .", "palestine"),
    ("a.csv", 1, "10/08/2023", "Hamas gunmen massacred 20 Israelis at a music festival .", "israel"),
    ("a.csv", 2, "10/09/2023", "\" They slaughtered 5 Israelis in their homes , \" the minister said .", "israel"),
    ("a.csv", 2, "10/09/2023", "No Palestinians were killed in the raid .", "palestine"),
    ("a.csv", 3, "10/09/2023", "An Israeli strike killed 12 Palestinians in Khan Younis .", "palestine"),
    ("a.csv", 3, "10/09/2023", "An Israeli strike killed 12 Palestinians in Khan Younis .", "palestine"),  # repeated
    ("b.csv", 1, "10/08/2023", "Hamas militants killed 30 Israelis in Sderot .", "israel"),
    ("b.csv", 1, "10/08/2023", "Israeli bombing killed 25 Palestinians and 2 Israelis .", "both"),
    ("b.csv", 2, "10/09/2023", "The storm closed the roads .", "palestine"),
]
# running totals since 7 October: Palestine = Gaza + West Bank (110, then 310), Israel 500 then 700
OCHA = "Date,Gaza,West Bank,Israel\n10/08/2023,100,10,500\n10/09/2023,300,10,700\n"

SPEC = """
name: mini
corpus: data
read:
  files: {a.csv: A, b.csv: B}
  text_col: sentence
  article_col: article_index
  rename: {article_date: date}
  tokenised: true
  dedupe: true
lexicons: [casualty]
cluster: article
compare: {n_resamples: 99}
wire: {pairs: []}
keyness_min_docs: 1
casualties:
  sides: [Israel, Palestine]
  names: {Palestine: [Hamas]}
  opposing: true
  cluster: article
  deaths: {file: ocha.csv, date: Date, date_format: "%m/%d/%Y", cumulative: true,
           columns: {Palestine: [Gaza, West Bank], Israel: [Israel]}}
  freq: D
  hand: category
  labels: {israel: Israel, palestine: Palestine, both: mixed}
"""


def _write(folder):
    data = folder / "data"
    data.mkdir()
    for name in ("a.csv", "b.csv"):
        rows = [dict(article_index=a, article_date=d, sentence=s, category=c) for f, a, d, s, c in SENTENCES
                if f == name]
        pd.DataFrame(rows).to_csv(data / name)  # with the unnamed index column, as the dataset has it
    (folder / "ocha.csv").write_text(OCHA, encoding="utf-8")
    (folder / "study.yaml").write_text(SPEC, encoding="utf-8")
    return folder / "study.yaml"


def test_files_with_one_stem_keep_their_documents_and_articles_apart(tmp_path):
    # two years of one outlet, "nyt.2023.csv" and "nyt.2024.csv": article 1 of each is a different article
    for year in (2023, 2024):
        pd.DataFrame({"article_index": [1, 1], "sentence": [f"A sentence of {year} .", f"Another of {year} ."]}
                     ).to_csv(tmp_path / f"nyt.{year}.csv", index=False)
    corpus = framing.read_tables(tmp_path, {"nyt.2023.csv": "NYT", "nyt.2024.csv": "NYT"}, text_col="sentence",
                                 article_col="article_index")
    assert corpus["doc_id"].is_unique and len(corpus) == 4
    assert corpus.groupby("article")["file"].nunique().max() == 1
    assert corpus["article"].nunique() == 2


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    spec = _write(tmp_path_factory.mktemp("mini"))
    with pytest.warns(UserWarning, match="1 of 9 rows repeat"):
        index = run_study(spec)
    return index.parent


def test_the_reader_joins_tokens_numbers_articles_and_drops_repeats(tmp_path):
    _write(tmp_path)
    with pytest.warns(UserWarning, match="1 of 9 rows repeat a text already read from the same outlet"):
        corpus = framing.read_tables(tmp_path / "data", {"a.csv": "A", "b.csv": "B"}, text_col="sentence",
                                     article_col="article_index", tokenised=True, dedupe=True)
    assert len(corpus) == 8 and list(corpus["outlet"]) == ["A"] * 5 + ["B"] * 3
    assert corpus.loc[0, "text"] == "Israeli airstrikes killed 40 Palestinians in Gaza."
    assert corpus.loc[2, "text"] == "\" They slaughtered 5 Israelis in their homes, \" the minister said."
    assert list(corpus["article"]) == ["a-1", "a-1", "a-2", "a-2", "a-3", "b-1", "b-1", "b-2"]
    assert list(corpus["doc_id"][:2]) == ["a-0", "a-1"] and "Unnamed: 0" not in corpus.columns
    with pytest.raises(SchemaError, match=r"a\.csv: no column 'text'"):
        framing.read_tables(tmp_path / "data", {"a.csv": "A"})
    with pytest.raises(InputNotFoundError, match="c.csv"):
        framing.read_tables(tmp_path / "data", {"c.csv": "C"}, text_col="sentence")


def test_mentions_per_reported_death_library_and_hand(report_dir):
    mpd = pd.read_csv(report_dir / "tables" / "mentions_per_death.csv")
    whole = mpd[mpd["period"] == "all"].set_index(["coding", "group", "measure"])
    # outlet A, library: Palestine 2 asserted statements (the negated one left out) / 310 deaths, Israel 2 / 700
    assert whole.loc[("library", "A", "mentions per 1000 deaths: Palestine"), "estimate"] == pytest.approx(2 / 310 * 1000)
    assert whole.loc[("library", "A", "mentions per 1000 deaths: Israel"), "estimate"] == pytest.approx(2 / 700 * 1000)
    assert whole.loc[("library", "A", "mentions per 1000 deaths: Israel / Palestine"), "estimate"] == \
        pytest.approx((2 / 700) / (2 / 310))
    # the hand coding counts the sentence about no Palestinian killed as a Palestinian mention: 3 / 310
    assert whole.loc[("hand", "A", "mentions per 1000 deaths: Palestine"), "estimate"] == pytest.approx(3 / 310 * 1000)
    # outlet B: "25 Palestinians and 2 Israelis" is a statement of each side; the hand codes it "both"
    assert whole.loc[("library", "B", "mentions per 1000 deaths: Israel"), "count"] == 2
    assert whole.loc[("hand", "B", "mentions per 1000 deaths: Israel"), "count"] == 1
    # day by day: outlet A on 9 October, 200 new Palestinian deaths, one asserted statement (Khan Younis)
    day = mpd[(mpd["period"] == "D") & (mpd["coding"] == "library")].set_index(["group", "measure"])
    assert day.loc[("A 2023-10-09", "mentions per 1000 deaths: Palestine"), "estimate"] == pytest.approx(1 / 200 * 1000)
    assert (report_dir / "figures" / "mentions_per_death.svg").is_file()


def test_the_manifest_records_the_deaths_table_it_read(report_dir):
    import hashlib
    import json

    manifest = json.loads((report_dir / "manifest.json").read_text(encoding="utf-8"))
    ocha = report_dir.parent.parent / "ocha.csv"
    assert manifest["parameters"]["study"]["deaths"] == {
        "file": "ocha.csv", "sha256": hashlib.sha256(ocha.read_bytes()).hexdigest()}


def test_a_deaths_table_that_cannot_be_read_is_named_with_its_line(tmp_path):
    from framing.report.casualty_sides import read_deaths

    spec = {"file": "ocha.csv", "date": "Date", "cumulative": True}
    (tmp_path / "ocha.csv").write_text(OCHA + "10/10/2023,400,10,800,9,9\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"ocha\.csv.*line 4"):
        read_deaths(spec, tmp_path)
    (tmp_path / "ocha.csv").write_bytes(OCHA.encode("utf-8") + b"10/10/2023,4\xff0,10,800\n")
    with pytest.raises(SchemaError, match=r"ocha\.csv.*UTF-8"):
        read_deaths(spec, tmp_path)


def test_agreement_with_the_hand_coding(report_dir):
    sa = pd.read_csv(report_dir / "tables" / "side_agreement.csv").set_index(["group", "measure"])
    # sided: every sentence but the negated one and the storm; all six agree ("both" = two sides)
    assert sa.loc[("(all)", "coverage"), "estimate"] == pytest.approx(6 / 8)
    assert sa.loc[("A", "coverage"), "estimate"] == pytest.approx(4 / 5)
    assert sa.loc[("(all)", "agreement"), "estimate"] == pytest.approx(1.0)
    assert sa.loc[("(all)", "recall: mixed"), "count"] == 1
    # recall counts every sentence the hand gives Palestine: two of four found (the denial and the storm have
    # no sided statement)
    assert sa.loc[("(all)", "recall: Palestine"), "estimate"] == pytest.approx(2 / 4)
    assert sa.loc[("(all)", "precision: Palestine"), "estimate"] == pytest.approx(1.0)


def test_emotive_words_by_side_in_the_report_link_to_their_statements(report_dir):
    em = pd.read_csv(report_dir / "tables" / "emotive_by_side.csv")
    em = em.set_index(["group", "word", "voice", "side"])
    assert em.loc[("A", "massacre", "own", "Israel"), "count"] == 1
    assert em.loc[("A", "slaughter", "quoted", "Israel"), "count"] == 1
    assert em.loc[("A", "slaughter", "own", "Israel"), "count"] == 0
    ev = pd.read_csv(report_dir / "tables" / "emotive_statements.csv")
    assert set(zip(ev["doc_id"], ev["word"], ev["voice"])) == {("a-1", "massacre", "own"), ("a-2", "slaughter", "quoted")}
    asym = pd.read_csv(report_dir / "tables" / "casualty_asymmetry.csv").set_index(["group", "measure"])
    assert asym.loc[("A", "statements per article: Palestine"), "n_docs"] == 3  # articles, not sentences
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    assert 'id="casualty_sides"' in html and "Emotive words by the victims" in html
    section = html[html.index('id="casualty_sides"'):]
    assert 'data-ev="e' in section  # counts link to the evidence browser


def test_each_comparison_links_to_the_statements_it_counts(report_dir):
    import re

    html = (report_dir / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="casualty_sides"'):]
    evidence = pd.read_csv(report_dir / "tables" / "evidence.csv").set_index("eid")

    def linked_docs(group, measure):
        row = re.search(f"<tr><td>{group}</td><td>{re.escape(measure)}</td>(.*?)</tr>", section).group(1)
        ids = {i for found in re.findall(r'data-ev="([^"]*)"', row) for i in found.split()}
        return set(evidence.loc[sorted(ids), "doc_id"])

    # outlet A's asserted Palestinian deaths: the airstrike (a-0) and Khan Younis (a-4), not the denial (a-3)
    assert linked_docs("A", "statements per article: Palestine") == {"a-0", "a-4"}
    # in quotes: only the minister's "They slaughtered 5 Israelis" (a-2), not the outlet's own massacre (a-1)
    assert linked_docs("A", "number [quoted]: Israel") == {"a-2"}
    assert linked_docs("A", "number [own]: Israel") == {"a-1"}


@pytest.mark.filterwarnings("ignore:.*rows repeat a text")
def test_the_section_takes_the_studys_cluster(tmp_path):
    # no cluster under casualties: the study's top-level cluster (the article) holds for the section too
    spec = _write(tmp_path)
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("  opposing: true\n  cluster: article\n", "  opposing: true\n"), encoding="utf-8")
    assert "cluster" not in load_study(spec).casualties
    asym = pd.read_csv(run_study(spec).parent / "tables" / "casualty_asymmetry.csv").set_index(["group", "measure"])
    assert asym.loc[("A", "statements per article: Palestine"), "n_docs"] == 3  # articles a-1..a-3, not 5 sentences


@pytest.mark.filterwarnings("ignore:.*rows repeat a text")
def test_spec_errors_name_the_key(tmp_path):
    spec = _write(tmp_path)
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("sides: [Israel, Palestine]", "sides: [Israel]"), encoding="utf-8")
    with pytest.raises(SchemaError, match="casualties.sides: expected two different side names"):
        load_study(spec)
    spec.write_text(text.replace("freq: D", "frequency: D"), encoding="utf-8")
    with pytest.raises(SchemaError, match=r"unknown key\(s\) \['frequency'\]"):
        load_study(spec)
    spec.write_text(text.replace("file: ocha.csv", "file: none.csv"), encoding="utf-8")
    with pytest.raises(InputNotFoundError, match="none.csv does not exist"):
        load_study(spec)
    spec.write_text(text.replace("Israel: [Israel]", "Israel: [Israeli deaths]"), encoding="utf-8")
    with pytest.raises(SchemaError, match=r"ocha\.csv: no column\(s\) \['Israeli deaths'\]"):
        run_study(load_study(spec), output=tmp_path / "out")


def test_the_committed_gaza_study_holds_no_sentence_text():
    """The Gaza sentences are copyrighted: its committed outputs are derived tables and figures only."""
    import subprocess
    import warnings
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = root / "analyses" / "gaza_2023" / "study.yaml"
    if not (root.parent / "shared" / "datasets" / "casualty_mentions_gaza2023").is_dir():
        pytest.skip("../shared/datasets/casualty_mentions_gaza2023 is not beside the project")
    listed = subprocess.run(["git", "ls-files", "analyses/gaza_2023"], cwd=root, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    files = [root / f for f in listed.stdout.split()]
    names = {f.name for f in files}
    assert "index.html" not in names and "casualties.csv" not in names and "evidence.csv" not in names
    assert {"mentions_per_death.csv", "side_agreement.csv", "emotive_by_side.csv", "casualty_asymmetry.csv",
            "mentions_per_death.svg"} <= names
    blob = "\n".join(f.read_text(encoding="utf-8", errors="ignore") for f in files)
    from framing.report.study import read_study_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = read_study_corpus(load_study(spec))
    found = []
    for text in corpus["text"]:
        words = text.split()
        for i in range(0, max(1, len(words) - 5), 3):
            piece = " ".join(words[i:i + 6])
            if len(piece) > 25 and piece in blob:
                found.append(piece)
                break
    assert not found, found[:3]
