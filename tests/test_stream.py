"""Streaming: a corpus file read in chunks, measured on several processes, written as it goes.

The reference for every check is the pandas API on the whole file
(``read_corpus`` then the measure): streamed results must equal it row for row.
"""

from __future__ import annotations

import gzip
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.scale import stream
from framing.errors import CorpusError, InputNotFoundError, UsageError
from framing.text.sentences import sentences  # the function (importing the module shadows framing.text.sentences)


def _raw_records(corpus: pd.DataFrame) -> list[dict]:
    """The bundled articles as records of a news file, text as published (before cleaning)."""
    raw = corpus[["doc_id", "outlet", "raw_text", "title", "date"]].rename(columns={"raw_text": "text"})
    return [{k: (None if pd.isna(v) else v) for k, v in rec.items()} for rec in raw.to_dict("records")]


def _write_jsonl(path: Path, records: list[dict], *, extra_lines: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    for at, line in sorted((extra_lines or {}).items(), reverse=True):
        lines.insert(at, line)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory, example) -> dict[str, Path]:
    """The bundled corpus as JSON lines (.gz), CSV and Parquet files, raw text."""
    folder = tmp_path_factory.mktemp("stream")
    records = _raw_records(example)
    table = pd.DataFrame.from_records(records)
    out = {
        "jsonl.gz": _write_jsonl(folder / "news.jsonl.gz", records),
        "jsonl": _write_jsonl(folder / "news.jsonl", records),
        "csv": folder / "news.csv",
        "parquet": folder / "news.parquet",
    }
    table.to_csv(out["csv"], index=False)
    table.to_parquet(out["parquet"], row_group_size=2)
    return out


@pytest.mark.parametrize("fmt", ["jsonl.gz", "jsonl", "csv", "parquet"])
def test_chunks_concatenate_to_the_whole_file(files, fmt):
    whole = framing.read_corpus(files[fmt])
    for chunksize in (1, 2, 10):
        chunks = list(stream.read_chunks(files[fmt], chunksize=chunksize))
        assert [len(c) for c in chunks][:-1] == [min(chunksize, 5)] * (len(chunks) - 1)
        together = pd.concat(chunks, ignore_index=True)
        # CSV types are inferred per chunk (as pandas.read_csv(chunksize=...) does): a chunk whose
        # titles are all empty has a numeric NaN column there
        pd.testing.assert_frame_equal(together, whole, check_dtype=fmt != "csv")
        for column in ("doc_id", "outlet", "text", "raw_text", "removed"):
            assert together[column].dtype == whole[column].dtype


def test_chunk_is_cleaned_like_the_whole_file(files):
    # TIME's "Read More:" links and the embed tag are removed in a one-document chunk too
    chunks = {c["doc_id"].iloc[0]: c for c in stream.read_chunks(files["jsonl.gz"], chunksize=1)}
    time_text = chunks["time"]["text"].iloc[0]
    assert "Read More" not in time_text and "time-brightcove" not in time_text
    assert "Read More: For Antony Blinken" in chunks["time"]["raw_text"].iloc[0]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_measure_written_incrementally_equals_pandas_api(files, tmp_path, n_jobs):
    out = tmp_path / "sentences.parquet"
    summary = stream.apply_file("sentences", files["jsonl.gz"], out, n_jobs=n_jobs, chunksize=2)
    expected = sentences(framing.read_corpus(files["jsonl.gz"]))
    pd.testing.assert_frame_equal(pd.read_parquet(out), expected)
    row = summary.iloc[0]
    assert list(summary.columns) == list(stream.SUMMARY)
    assert (row.docs_in, row.docs_out, row.docs_missing, row.n_chunks) == (5, 5, 0, 3)
    assert row.n_rows == len(expected) and row.n_jobs == n_jobs


def test_csv_output_and_corpus_conversion(files, tmp_path):
    out = tmp_path / "corpus.csv"
    stream.apply_file(None, files["parquet"], out, chunksize=2, keep_raw=False)
    back = pd.read_csv(out, keep_default_na=False, na_values=[""])
    whole = framing.read_corpus(files["parquet"], keep_raw=False)
    assert back["doc_id"].tolist() == whole["doc_id"].tolist()
    assert back["text"].tolist() == whole["text"].tolist()


def test_map_corpus_yields_before_reading_the_rest(tmp_path, example):
    # line 5 is broken: the first two chunks still come out, so the file is not read whole
    # before measuring starts, and the error names the line counted from the start of the file
    path = _write_jsonl(tmp_path / "broken.jsonl", _raw_records(example), extra_lines={4: "{not json"})
    chunks = stream.map_corpus("sentences", path, chunksize=2)
    assert set(next(chunks)["doc_id"]) == {"timesofisrael", "scroll"}
    assert set(next(chunks)["doc_id"]) == {"cupventi", "ahram"}
    with pytest.raises(CorpusError, match=r"broken\.jsonl, line 5, column 2"):
        next(chunks)


def test_line_numbers_in_errors_count_from_the_start_of_the_file(tmp_path, example):
    records = _raw_records(example) * 1
    path = _write_jsonl(tmp_path / "bad.jsonl.gz", records, extra_lines={5: '["a list"]'})
    with pytest.raises(CorpusError, match=r"bad\.jsonl\.gz, line 6: expected a JSON object"):
        list(stream.read_chunks(path, chunksize=2))


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_duplicate_doc_id_in_a_later_chunk_is_an_error_and_leaves_no_file(tmp_path, example, n_jobs):
    records = _raw_records(example)
    records.append(dict(records[1], text="Another story under the same id."))
    path = _write_jsonl(tmp_path / "dup.jsonl", records)
    out = tmp_path / "out.parquet"
    with pytest.raises(CorpusError, match=r"duplicate doc_id.*'scroll'"):
        stream.apply_file("sentences", path, out, chunksize=2, n_jobs=n_jobs)
    assert not out.exists()
    assert list(tmp_path.glob("*.partial")) == [] and list(tmp_path.glob(".*.partial")) == []


def test_worker_warnings_reach_the_caller(tmp_path, example):
    records = _raw_records(example)
    records[3] = dict(records[3], text="   ")
    path = _write_jsonl(tmp_path / "empty.jsonl", records)
    with pytest.warns(UserWarning, match=r"empty document.*'ahram'"):
        summary = stream.apply_file(None, path, tmp_path / "corpus.parquet", chunksize=2, n_jobs=2)
    row = summary.iloc[0]
    assert (row.docs_in, row.docs_out, row.docs_empty, row.docs_missing) == (5, 5, 1, 0)


def test_write_table_takes_the_type_of_a_column_from_the_first_chunk_with_values(tmp_path):
    parts = [
        pd.DataFrame({"doc_id": ["a"], "speaker": [None], "n": [1]}),
        pd.DataFrame({"doc_id": ["b", "c"], "speaker": ["Pakistan's foreign ministry", None], "n": [2, 3]}),
    ]
    out = tmp_path / "t.parquet"
    assert stream.write_table(iter(parts), out) == 3
    back = pd.read_parquet(out)
    assert back["speaker"].tolist()[1] == "Pakistan's foreign ministry"
    assert back["speaker"].isna().tolist() == [True, False, True]
    assert back["n"].tolist() == [1, 2, 3]


def test_bad_options(files, tmp_path):
    with pytest.raises(UsageError, match="n_jobs"):
        stream.apply_file("sentences", files["csv"], tmp_path / "x.parquet", n_jobs=0)
    with pytest.raises(UsageError, match="n_jobs"):
        stream.apply_file("sentences", files["csv"], tmp_path / "x.parquet", n_jobs=1.5)
    with pytest.raises(stream.StreamError, match=r"\.parquet or \.csv"):
        stream.apply_file("sentences", files["csv"], tmp_path / "x.xlsx")
    with pytest.raises(stream.StreamError, match="unknown measure"):
        stream.apply_file("sentiment", files["csv"], tmp_path / "x.parquet")
    with pytest.raises(UsageError, match="chunksize"):
        list(stream.read_chunks(files["csv"], chunksize=0))
    with pytest.raises(InputNotFoundError):
        list(stream.read_chunks(tmp_path / "missing.jsonl"))
    assert stream.resolve_jobs(-1) >= 1


@pytest.mark.slow
@pytest.mark.datasets
def test_scores_of_an_allsides_sample_on_two_processes_equal_pandas(shared_datasets, tmp_path):
    source = shared_datasets / "allsides_conflict" / "articles.jsonl.gz"
    with gzip.open(source, "rb") as fh:
        lines = [next(fh) for _ in range(200)]
    path = tmp_path / "sample.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(lines)))
    out = tmp_path / "scores.parquet"
    summary = stream.score_file(path, out, n_jobs=2, chunksize=30, lexicons=["attribution", "hedging"])
    expected = framing.score(framing.read_corpus(path), lexicons=["attribution", "hedging"])
    pd.testing.assert_frame_equal(pd.read_parquet(out), expected)
    assert summary["docs_in"].iloc[0] == summary["docs_out"].iloc[0] == 200
    assert summary["n_chunks"].iloc[0] == 7


def test_actor_labels_with_options_on_two_processes(files, tmp_path):
    actors = {"Jaish al-Adl": ["Jaish al-Adl"], "Hamas": ["Hamas"]}
    out = tmp_path / "labels.parquet"
    stream.apply_file("actor_labels", files["jsonl"], out, options={"actors": actors}, n_jobs=2, chunksize=1)
    expected = framing.actor_labels(framing.read_corpus(files["jsonl"]), actors)
    assert len(expected) > 0
    pd.testing.assert_frame_equal(pd.read_parquet(out), expected)


def test_a_text_directory_is_read_file_by_file(tmp_path, example):
    from importlib import resources

    folder = resources.files("framing.data").joinpath("iran_pakistan_2024")
    with resources.as_file(folder) as path:
        whole = framing.read_corpus(path)
        chunks = list(stream.read_chunks(path, chunksize=2))
        assert [len(c) for c in chunks] == [2, 2, 1]
        pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)
        out = tmp_path / "sentences.parquet"
        stream.apply_file("sentences", path, out, chunksize=2, n_jobs=2)
        pd.testing.assert_frame_equal(pd.read_parquet(out), sentences(whole))


def test_undecodable_bytes_in_a_csv_chunk_are_replaced_with_a_warning(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(b'doc_id,outlet,text\na,X,"caf\xe9 owner said"\nb,Y,"A clean line."\n')
    with pytest.warns(UnicodeWarning, match=r"latin1\.csv: undecodable bytes.*rows 1-1"):
        chunks = list(stream.read_chunks(path, chunksize=1))
    assert chunks[0]["text"].iloc[0] == "caf\ufffd owner said"
    assert chunks[1]["text"].iloc[0] == "A clean line."


def test_score_command_with_jobs_writes_what_the_whole_run_writes(files, tmp_path, capsys):
    from framing.cli import main

    whole, streamed = tmp_path / "whole.parquet", tmp_path / "streamed.parquet"
    matches = tmp_path / "matches.csv"
    assert main(["score", str(files["jsonl.gz"]), "-o", str(whole), "--lexicon", "hedging", "-q"]) == 0
    assert main(["score", str(files["jsonl.gz"]), "-o", str(streamed), "--lexicon", "hedging",
                 "--jobs", "2", "--chunksize", "2", "--matches", str(matches)]) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(streamed), pd.read_parquet(whole))
    found = pd.read_csv(matches)
    assert set(found["lexicon"]) == {"hedging"} and "alleged" in set(found["match"].str.lower())
    assert "5 documents in, 5 out, 0 empty" in capsys.readouterr().err
    assert main(["score", str(files["jsonl"]), "-o", str(tmp_path / "x.parquet"), "--jobs", "0"]) == 2
