"""Reading corpora in every supported format, cleaning, and bad input."""

from __future__ import annotations

import gzip
import importlib.resources
import json
import warnings

import numpy as np
import pandas as pd
import pytest

import framing
from framing.io.corpus import DEFAULT_PATTERNS, clean_text
from framing.errors import CorpusError, InputNotFoundError, SchemaError

SHARED_CORPUS = importlib.resources.files("framing.data").joinpath("iran_pakistan_2024")


# ----------------------------------------------------------------- the bundled corpus


def test_example_corpus_has_the_five_articles_with_metadata(example):
    meta = pd.read_csv(SHARED_CORPUS / "metadata.csv")
    assert example["doc_id"].tolist() == meta["doc_id"].tolist()
    assert example["doc_id"].tolist() == ["timesofisrael", "scroll", "cupventi", "ahram", "time"]
    assert dict(zip(example["doc_id"], example["outlet"])) == {
        "timesofisrael": "The Times of Israel",
        "scroll": "Scroll.in",
        "cupventi": "Cupventi",
        "ahram": "Ahram Online",
        "time": "TIME",
    }
    for column in ("country", "date", "agency", "title", "notes", "file"):
        assert column in example.columns
    assert example.set_index("doc_id").loc["ahram", "agency"] == "AFP"


def test_cleaning_removes_time_boilerplate_and_keeps_the_story(example_texts):
    text = example_texts["time"]
    assert "Read More" not in text
    assert "time-brightcove" not in text
    assert "Leave a comment" not in text
    assert text.startswith("The Pakistani military carried out targeted strikes")
    assert text.endswith("alleged Israeli spy base in Iraqi Kurdistan.")
    # every story paragraph survives
    assert "Jaish al-Adl is designated as a foreign terrorist organization by the U.S." in text
    assert "Seven non-Iranians were killed in the explosions" in text


def test_cleaning_of_ahram_title_dateline_caption_and_footers(example_texts):
    text = example_texts["ahram"]
    assert text.startswith("Pakistan recalled its ambassador from Iran Wednesday")
    assert "AFP , Wednesday 17 Jan 2024" not in text
    assert "Pakistani spox" not in text
    assert "Photo courtesy of Geo News" not in text
    assert "Short link" not in text
    assert "This story was edited" not in text
    # subheadings are part of the story and stay
    assert "'Common threat'" in text
    assert "'Act of aggression'" in text


def test_cleaning_of_titles_credits_and_source_footer(example_texts):
    assert example_texts["scroll"].startswith("Following the attack, Islamabad expelled")
    assert example_texts["cupventi"].startswith("Pakistan strongly criticized Iran on Wednesday")
    assert "Cupventi.com" not in example_texts["cupventi"]
    assert "Source »" not in example_texts["timesofisrael"]
    assert example_texts["timesofisrael"].endswith("at the same time as the war in Gaza.")
    # no title given in metadata: the first line of Times of Israel stays
    assert example_texts["timesofisrael"].startswith("Pakistan said Wednesday that Iran carried out an airstrike")


def test_removed_lines_report_what_cleaning_took_out(example):
    log = framing.removed_lines(example)
    assert list(log.columns) == ["doc_id", "line", "rule", "text"]
    time_log = log[log["doc_id"] == "time"]
    assert time_log["rule"].tolist() == ["read_more", "embed_tag", "read_more", "comment_prompt"]
    raw = example.set_index("doc_id").loc["time", "raw_text"].split("\n")
    for line, text in zip(time_log["line"], time_log["text"]):
        assert raw[line - 1].strip() == text
    ahram_rules = set(log.loc[log["doc_id"] == "ahram", "rule"])
    assert {"title", "dateline", "photo_credit", "photo_alt_text", "short_link", "editor_note"} <= ahram_rules


def test_raw_text_stays_reachable_and_cleaning_can_be_turned_off(example):
    raw = framing.example_corpus(clean=False)
    assert "raw_text" not in raw.columns
    assert (raw["text"].tolist()) == example["raw_text"].tolist()
    assert "Read More:" in raw.set_index("doc_id").loc["time", "text"]


def test_cleaning_patterns_can_be_overridden():
    raw = "Story line one.\nSUBSCRIBE NOW\nRead More: something\nStory line two."
    text, removed = clean_text(raw, patterns={**DEFAULT_PATTERNS, "subscribe": r"SUBSCRIBE NOW"})
    assert text == "Story line one.\nStory line two."
    assert [r.rule for r in removed] == ["subscribe", "read_more"]
    text, removed = clean_text(raw, patterns={})
    assert text == raw and removed == []


def test_cleaning_keeps_story_lines_that_look_a_little_like_boilerplate():
    raw = (
        "Related talks: officials said the source of the leak was unknown.\n"
        "Comments by the minister drew criticism.\n"
        "The photo showed the damage."
    )
    text, removed = clean_text(raw)
    assert removed == [] or [r.rule for r in removed] == ["read_more"]
    assert "Comments by the minister drew criticism." in text
    assert "The photo showed the damage." in text


# ----------------------------------------------------------------- formats


@pytest.fixture()
def records():
    return [
        {"id": "a1", "source": "Outlet A", "content": "First story. It has “quotes”.", "leaning": "left"},
        {"id": "b2", "source": "Outlet B", "content": "Second story.", "leaning": "right"},
    ]


def _check(corpus):
    assert corpus["doc_id"].tolist() == ["a1", "b2"]
    assert corpus["outlet"].tolist() == ["Outlet A", "Outlet B"]
    assert corpus["text"].tolist() == ["First story. It has “quotes”.", "Second story."]
    assert corpus["leaning"].tolist() == ["left", "right"]


OPTS = dict(doc_id_col="id", outlet_col="source", text_col="content")


def test_read_csv_and_tsv(tmp_path, records):
    pd.DataFrame(records).to_csv(tmp_path / "c.csv", index=False)
    pd.DataFrame(records).to_csv(tmp_path / "c.tsv", index=False, sep="\t")
    _check(framing.read_corpus(tmp_path / "c.csv", **OPTS))
    _check(framing.read_corpus(tmp_path / "c.tsv", **OPTS))


def test_read_jsonl_plain_and_gzipped(tmp_path, records):
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    (tmp_path / "c.jsonl").write_text(lines, encoding="utf-8")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(lines)
    _check(framing.read_corpus(tmp_path / "c.jsonl", **OPTS))
    _check(framing.read_corpus(tmp_path / "c.jsonl.gz", **OPTS))


def test_read_parquet(tmp_path, records):
    pd.DataFrame(records).to_parquet(tmp_path / "c.parquet")
    _check(framing.read_corpus(tmp_path / "c.parquet", **OPTS))


@pytest.mark.parametrize("sidecar", ["csv", "jsonl"])
def test_read_text_directory_with_sidecar(tmp_path, sidecar):
    (tmp_path / "one.txt").write_text("Story one.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Story two.", encoding="utf-8")
    meta = pd.DataFrame({"file": ["two.txt", "one.txt"], "outlet": ["B", "A"], "date": ["2024-01-02", "2024-01-01"]})
    if sidecar == "csv":
        meta.to_csv(tmp_path / "metadata.csv", index=False)
    else:
        meta.to_json(tmp_path / "metadata.jsonl", orient="records", lines=True)
    corpus = framing.read_corpus(tmp_path)
    assert corpus["doc_id"].tolist() == ["two", "one"]  # the sidecar's order
    assert corpus["outlet"].tolist() == ["B", "A"]
    assert corpus["text"].tolist() == ["Story two.", "Story one."]
    assert corpus["date"].tolist() == ["2024-01-02", "2024-01-01"]


def test_text_directory_sidecar_joined_on_doc_id(tmp_path):
    (tmp_path / "x.txt").write_text("Story x.", encoding="utf-8")
    pd.DataFrame({"doc_id": ["x"], "outlet": ["X"]}).to_csv(tmp_path / "metadata.csv", index=False)
    corpus = framing.read_corpus(tmp_path)
    assert corpus[["doc_id", "outlet", "text"]].values.tolist() == [["x", "X", "Story x."]]


def test_text_directory_without_outlet_needs_one(tmp_path):
    (tmp_path / "x.txt").write_text("Story x.", encoding="utf-8")
    with pytest.raises(SchemaError, match="outlet"):
        framing.read_corpus(tmp_path)
    corpus = framing.read_corpus(tmp_path, outlet="My outlet")
    assert corpus["outlet"].tolist() == ["My outlet"]


def test_file_missing_from_sidecar_is_kept_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    pd.DataFrame({"file": ["a.txt"], "outlet": ["A"]}).to_csv(tmp_path / "metadata.csv", index=False)
    with pytest.warns(UserWarning, match="b.txt"), pytest.raises(CorpusError, match="outlet is empty.*'b'"):
        framing.read_corpus(tmp_path)
    with pytest.warns(UserWarning, match="b.txt"):
        corpus = framing.read_corpus(tmp_path, outlet="Fallback")
    assert corpus["doc_id"].tolist() == ["a", "b"]


def test_sidecar_naming_a_missing_file_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    pd.DataFrame({"file": ["a.txt", "gone.txt"], "outlet": ["A", "B"]}).to_csv(tmp_path / "metadata.csv", index=False)
    with pytest.raises(CorpusError, match="gone.txt"):
        framing.read_corpus(tmp_path)


def test_read_html_directory(tmp_path):
    story = " ".join(["Officials said the strike hit a border village and killed two people."] * 4)
    html = f"""<html><head><title>Strike on border village</title></head><body>
    <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Strike on border village</h1><p>{story}</p>
    <p>The ministry called it “unacceptable”, a spokesperson said on Wednesday.</p></article>
    <footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""
    (tmp_path / "story.html").write_text(html, encoding="utf-8")
    pd.DataFrame({"file": ["story.html"], "outlet": ["Example News"]}).to_csv(tmp_path / "metadata.csv", index=False)
    corpus = framing.read_corpus(tmp_path)
    text = corpus.loc[0, "text"]
    assert "killed two people" in text
    assert "“unacceptable”" in text
    assert "All rights reserved" not in text
    assert "Home" not in text.split()


# ----------------------------------------------------------------- bad input


def test_missing_column_names_the_file_the_column_and_what_was_found(tmp_path, records):
    pd.DataFrame(records).to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(SchemaError) as err:
        framing.read_corpus(tmp_path / "c.csv", doc_id_col="id", outlet_col="source")
    message = str(err.value)
    assert "c.csv" in message and "'text'" in message and "content" in message


def test_duplicate_doc_ids_are_listed(tmp_path):
    pd.DataFrame(
        {"doc_id": ["x", "y", "x", "z", "y"], "outlet": list("ABCDE"), "text": list("abcde")}
    ).to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(CorpusError, match=r"duplicate doc_id values: \['x', 'y'\]"):
        framing.read_corpus(tmp_path / "c.csv")


def test_undecodable_bytes_are_replaced_with_a_warning_naming_the_file(tmp_path):
    (tmp_path / "bad.txt").write_bytes("Caf\u00e9 opened.\nSecond line ".encode() + b"\xff\xfe broken.")
    with pytest.warns(UnicodeWarning, match=r"bad\.txt.*line 2"):
        corpus = framing.read_corpus(tmp_path, outlet="X")
    assert corpus.loc[0, "text"].startswith("Café opened.")
    assert "\ufffd" in corpus.loc[0, "text"]


def test_lone_surrogate_escapes_in_jsonl_are_replaced_with_a_warning_naming_the_line(tmp_path):
    # JSON can escape half of a surrogate pair, which is not text; a whole pair is an ordinary character
    lines = ['{"doc_id": "a", "outlet": "A", "text": "Militants \\ud83d\\ude00 attacked."}',
             '{"doc_id": "b", "outlet": "B", "text": "Militants \\ud800 attacked."}']
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(UnicodeWarning, match=r"c\.jsonl, line 2: lone surrogate escapes in text"):
        corpus = framing.read_corpus(tmp_path / "c.jsonl")
    assert corpus["text"].tolist() == ["Militants \U0001F600 attacked.", "Militants \ufffd attacked."]
    found = framing.find(corpus, "actor_labels")
    assert found.groupby("doc_id", observed=True)["match"].first().to_dict() == {"a": "Militants", "b": "Militants"}


def test_empty_document_is_kept_with_a_warning(tmp_path):
    pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["A", "B", "C"], "text": ["Story.", "", None]}).to_json(
        tmp_path / "c.jsonl", orient="records", lines=True
    )
    with pytest.warns(UserWarning, match=r"2 empty document\(s\).*\['b', 'c'\]"):
        corpus = framing.read_corpus(tmp_path / "c.jsonl")
    assert corpus["doc_id"].tolist() == ["a", "b", "c"]
    assert corpus["text"].tolist() == ["Story.", "", ""]


def test_document_that_is_only_boilerplate_is_kept_empty(tmp_path):
    pd.DataFrame({"doc_id": ["a"], "outlet": ["A"], "text": ["Leave a comment\nShort link:"]}).to_csv(
        tmp_path / "c.csv", index=False
    )
    with pytest.warns(UserWarning, match="empty"):
        corpus = framing.read_corpus(tmp_path / "c.csv")
    assert corpus["text"].tolist() == [""]
    assert len(framing.removed_lines(corpus)) == 2


def test_malformed_jsonl_names_the_line(tmp_path):
    (tmp_path / "c.jsonl").write_text('{"doc_id": "a", "outlet": "A", "text": "x"}\n{"doc_id": "b", oops}\n')
    with pytest.raises(CorpusError, match=r"c\.jsonl, line 2, column \d+"):
        framing.read_corpus(tmp_path / "c.jsonl")


def test_unsupported_format_lists_the_supported_ones(tmp_path):
    (tmp_path / "c.xlsx").write_bytes(b"PK")
    with pytest.raises(CorpusError, match=r"unsupported corpus format '\.xlsx'.*\.jsonl\.gz.*\.parquet"):
        framing.read_corpus(tmp_path / "c.xlsx")


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(InputNotFoundError, match="nope.csv"):
        framing.read_corpus(tmp_path / "nope.csv")


def test_corrupt_parquet_names_the_file(tmp_path):
    (tmp_path / "c.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(CorpusError, match=r"c\.parquet: cannot read as Parquet"):
        framing.read_corpus(tmp_path / "c.parquet")


def test_json_numbers_outside_the_id_outlet_and_text_stay_numbers(tmp_path):
    (tmp_path / "c.jsonl").write_text(
        '{"doc_id": 7, "outlet": 2024, "text": "A story.", "words": 3, "score": 0.25, "extra": {"n": [1, 2.5]}}\n',
        encoding="utf-8",
    )
    corpus = framing.read_corpus(tmp_path / "c.jsonl")
    assert corpus.loc[0, "doc_id"] == "7" and corpus.loc[0, "outlet"] == "2024"
    assert corpus.loc[0, "words"] == 3 and isinstance(corpus.loc[0, "words"], (int, np.integer))
    assert corpus.loc[0, "score"] == 0.25
    assert corpus.loc[0, "extra"] == {"n": [1, 2.5]} and isinstance(corpus.loc[0, "extra"]["n"][0], int)


def test_jsonl_sidecar_ids_written_as_numbers_join_their_files(tmp_path):
    # "1" and "1.5" name the files 1.txt and 1.5.txt: read through floats, 1 became "1.0" and matched nothing
    (tmp_path / "1.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "1.5.txt").write_text("Second story.", encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text('{"doc_id": 1, "outlet": "A"}\n{"doc_id": 1.5, "outlet": "B"}\n',
                                              encoding="utf-8")
    corpus = framing.read_corpus(tmp_path)
    assert dict(zip(corpus["doc_id"], corpus["outlet"])) == {"1": "A", "1.5": "B"}
    assert dict(zip(corpus["doc_id"], corpus["text"])) == {"1": "First story.", "1.5": "Second story."}


@pytest.mark.parametrize("sidecar, content", [
    ("metadata.csv", "file,doc_id,outlet\na.txt,,X\nb.txt,b7,Y\n"),
    ("metadata.jsonl",
     '{"file": "a.txt", "doc_id": "", "outlet": "X"}\n{"file": "b.txt", "doc_id": "b7", "outlet": "Y"}\n'),
])
def test_an_empty_sidecar_doc_id_falls_back_to_the_file_name_in_both_sidecar_formats(tmp_path, sidecar, content):
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second story.", encoding="utf-8")
    (tmp_path / sidecar).write_text(content, encoding="utf-8")
    corpus = framing.read_corpus(tmp_path)
    assert dict(zip(corpus["doc_id"], corpus["outlet"])) == {"a": "X", "b7": "Y"}


def test_a_sidecar_id_column_of_another_name_is_read_as_written(tmp_path):
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,id,outlet\na.txt,007,X\n", encoding="utf-8")
    assert framing.read_corpus(tmp_path, doc_id_col="id")["doc_id"].tolist() == ["007"]


def test_a_csv_field_longer_than_the_csv_module_default_is_read(tmp_path):
    text = "A long story. " * 20_000  # 280 000 characters, beyond the csv module's default field limit
    pd.DataFrame({"doc_id": ["a"], "outlet": ["A"], "text": [text]}).to_csv(tmp_path / "c.csv", index=False)
    assert framing.read_corpus(tmp_path / "c.csv", clean=False)["text"].tolist() == [text]


def test_no_warning_on_a_clean_read(tmp_path, records):
    pd.DataFrame(records).to_csv(tmp_path / "c.csv", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        framing.read_corpus(tmp_path / "c.csv", **OPTS)


# ----------------------------------------------------------------- real data


def test_reads_the_allsides_corpus_without_losing_a_document(shared_datasets):
    path = shared_datasets / "allsides_conflict" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        n_lines = sum(1 for line in fh if line.strip())
    corpus = framing.read_corpus(path)
    assert len(corpus) == n_lines == 4978
    assert corpus["doc_id"].is_unique
    assert {"leaning", "topic", "title", "url"} <= set(corpus.columns)
    assert set(corpus["leaning"]) == {"left", "center", "right"}


def test_common_page_furniture_lines_are_removed():
    raw = "\n".join([
        "Officials said the talks would resume on Monday.",
        "Advertisement",
        "Story continues below",
        "Copyright © 2021 Example Media, LLC. Click here for reprint permission.",
        "Sign up for our Morning Briefing newsletter",
        "CLICK HERE TO GET THE EXAMPLE NEWS APP",
        "Follow us on Twitter @ExampleNews.",
        "Slideshow (3 Images)",
        "More:",
        "___",
        "This article is more than 2 years old",
        "The minister denied the report.",
    ])
    text, removed = clean_text(raw)
    assert text == "Officials said the talks would resume on Monday.\nThe minister denied the report."
    assert [r.rule for r in removed] == [
        "advertisement", "advertisement", "copyright", "newsletter", "click_here", "follow_prompt",
        "media_furniture", "more_links", "separator", "timestamp",
    ]


def test_story_sentences_mentioning_ads_photos_or_followers_stay():
    raw = "\n".join([
        "The advertisement ran for three weeks before it was pulled.",
        "Photos of the damage circulated widely on social media.",
        "Followers of the cleric gathered outside the court.",
        "Copyright lawyers said the case could take years.",
        "More than 40 people were killed, officials said.",
    ])
    text, removed = clean_text(raw)
    assert removed == [] and text == raw


def test_utf16_file_with_a_byte_order_mark_is_read(tmp_path):
    table = pd.DataFrame({"doc_id": ["a"], "outlet": ["A"], "text": ["Pakistan’s “sovereignty” was violated."]})
    (tmp_path / "c.csv").write_bytes(table.to_csv(index=False).encode("utf-16"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = framing.read_corpus(tmp_path / "c.csv")
    assert corpus["text"].tolist() == ["Pakistan’s “sovereignty” was violated."]


def test_empty_jsonl_file_says_it_has_no_records(tmp_path):
    (tmp_path / "c.jsonl").write_text("\n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c\.jsonl: the file has no records"):
        framing.read_corpus(tmp_path / "c.jsonl")
