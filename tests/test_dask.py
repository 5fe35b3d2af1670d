"""framing.dask on a dask.distributed LocalCluster: results equal the pandas API exactly."""

from __future__ import annotations

import gzip
import itertools
import json
import re
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

import framing  # noqa: E402
import framing.scale.dask as fd  # noqa: E402
from framing import stream  # noqa: E402
from framing.io.corpus import as_corpus  # noqa: E402

ACTORS = {"Jaish al-Adl": ["Jaish al-Adl", "Jaish-ul-Adl"], "Hamas": ["Hamas"], "Iran": ["Iran", "Tehran"]}


@pytest.fixture(scope="module")
def client():
    """Two in-process workers, one thread each; closed after the module."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def allsides_sample(shared_datasets, tmp_path_factory) -> Path:
    """The first 200 articles of allsides_conflict as a JSON lines file (a temporary file)."""
    source = shared_datasets / "allsides_conflict" / "articles.jsonl.gz"
    with gzip.open(source, "rb") as fh:
        lines = list(itertools.islice(fh, 200))
    path = tmp_path_factory.mktemp("allsides") / "sample.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def _same(dask_result: dd.DataFrame, expected: pd.DataFrame) -> None:
    got = dask_result.compute().reset_index(drop=True)
    # a categorical column holding text as found (find's ``match``) has the categories seen in
    # each partition, listed in another order than in one pass: values and dtypes must be equal
    pd.testing.assert_frame_equal(got, expected, check_categorical=False)


def test_this_module_is_the_framing_one_and_dask_is_the_real_package():
    import dask

    assert fd.__name__ == "framing.scale.dask"
    assert Path(dask.__file__).parent.name == "dask" and "framing" not in Path(dask.__file__).parts


def test_score_and_find_equal_pandas_on_the_bundled_corpus(client, example):
    docs = dd.from_pandas(example, npartitions=3)
    scores = fd.score(docs)
    assert list(scores.columns) == list(framing.schema.SCORES)
    _same(scores, framing.score(example))
    _same(fd.find(docs, lexicons=["hedging", "attribution"]), framing.find(example, lexicons=["hedging", "attribution"]))


def test_measures_equal_pandas_on_the_bundled_corpus(client, example):
    docs = dd.from_pandas(example, npartitions=2)
    _same(fd.attributions(docs), framing.attributions(example))
    _same(fd.casualties(docs), framing.casualties(example))
    _same(fd.actor_labels(docs, ACTORS), framing.actor_labels(example, ACTORS))


def test_a_bag_of_records_is_read_like_a_table(client, example):
    raw = example[["doc_id", "outlet", "raw_text", "title"]].rename(columns={"raw_text": "text"})
    records = raw.to_dict("records")
    bag = db.from_sequence(records, npartitions=3)
    whole = as_corpus(pd.DataFrame.from_records(records))
    # cleaning happened per partition: TIME's "Read More:" lines are gone
    cleaned = fd.corpus(bag).compute().reset_index(drop=True)
    assert "Read More" not in cleaned.set_index("doc_id").loc["time", "text"]
    pd.testing.assert_frame_equal(cleaned, whole)
    _same(fd.score(bag, lexicons="hedging"), framing.score(whole, lexicons="hedging"))


def test_compare_and_keyness_from_aggregates_equal_the_pandas_results(client, example):
    docs = dd.from_pandas(example, npartitions=2)
    scores = fd.sum_voices(fd.score(docs, lexicons=["attribution", "actor_labels"])).compute()
    assert "voice" not in scores.columns and len(scores) * 3 == len(framing.score(example, lexicons=["attribution", "actor_labels"]))
    with pytest.warns(UserWarning):
        from_cluster = framing.compare(scores)
        local = framing.compare(framing.score(example, lexicons=["attribution", "actor_labels"]))
    pd.testing.assert_frame_equal(pd.DataFrame(from_cluster), pd.DataFrame(local))

    counts = fd.term_counts(docs, by="outlet").compute()
    assert "text" not in counts.columns
    pd.testing.assert_frame_equal(
        pd.DataFrame(framing.keyness(counts, by="outlet")), pd.DataFrame(framing.keyness(example, by="outlet"))
    )


def test_term_counts_against_a_regular_expression(client, example):
    counts = fd.term_counts(dd.from_pandas(example, npartitions=2), by="outlet").compute()
    scroll = example.set_index("doc_id").loc["scroll"]
    # "Pakistan" as a word of its own: not "Pakistan's" / "Pakistan’s" (one token with the clitic)
    expected = len(re.findall(r"(?<![\w'’-])pakistan(?![\w'’-])", scroll["text"], flags=re.IGNORECASE))
    row = counts[(counts["outlet"] == scroll["outlet"]) & (counts["term"] == "pakistan")]
    assert expected > 3 and row["count"].tolist() == [expected]


def test_stream_runs_on_the_cluster_with_the_same_result(client, example, tmp_path):
    path = tmp_path / "news.parquet"
    raw = example[["doc_id", "outlet", "raw_text", "title"]].rename(columns={"raw_text": "text"})
    raw.to_parquet(path)
    out = tmp_path / "scores.parquet"
    summary = stream.score_file(path, out, scheduler=client, chunksize=2)
    assert summary["docs_in"].iloc[0] == 5 and summary["n_chunks"].iloc[0] == 3
    pd.testing.assert_frame_equal(pd.read_parquet(out), framing.score(framing.read_corpus(path)))


@pytest.mark.slow
@pytest.mark.datasets
def test_allsides_sample_equals_pandas(client, allsides_sample):
    corpus = framing.read_corpus(allsides_sample)
    assert len(corpus) == 200
    docs = dd.from_pandas(corpus, npartitions=4)
    _same(fd.score(docs), framing.score(corpus))
    _same(fd.find(docs), framing.find(corpus))
    # the raw records as a bag (as read from JSON lines on a cluster): cleaned, then scored
    bag = db.read_text(str(allsides_sample), blocksize=200_000).map(json.loads)
    assert bag.npartitions > 1
    _same(fd.score(bag, lexicons="attribution"), framing.score(corpus, lexicons="attribution"))


def test_score_command_on_a_scheduler(client, example, tmp_path):
    from framing.cli import main

    path = tmp_path / "news.jsonl"
    raw = example[["doc_id", "outlet", "raw_text"]].rename(columns={"raw_text": "text"})
    raw.to_json(path, orient="records", lines=True, force_ascii=False)
    out = tmp_path / "scores.csv"
    address = client.scheduler.address
    assert main(["score", str(path), "-o", str(out), "--lexicon", "attribution", "--scheduler", address, "-q"]) == 0
    expected = framing.score(framing.read_corpus(path), lexicons="attribution")
    got = pd.read_csv(out, keep_default_na=False)
    assert got["doc_id"].tolist() == expected["doc_id"].tolist()
    assert got["count"].tolist() == expected["count"].tolist()
