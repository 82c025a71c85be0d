"""analyze: one pure function of a partition, same result on one core, a process pool and Dask."""
import pandas as pd
import pytest

import utils

CONTRACT = {
    "sentences": ["article_id", "paragraph", "sentence", "text", "voice", "neg", "neu", "pos", "compound",
                  "compound_plain"],
    "quotes": ["article_id", "paragraph", "quote", "speaker", "speaker_kind", "speaker_role", "cue", "direct"],
    "troops": ["article_id", "paragraph", "sentence", "span", "low", "high", "hedge", "unit", "actor",
               "place", "quoted"],
    "timelines": ["article_id", "sentence", "span", "low", "high", "unit"],
}


def _copies(articles, n):
    """n copies of the seeds, with distinct ids."""
    big = pd.concat([articles] * n, ignore_index=True)
    big["article_id"] = [f"{a}-copy{i // len(articles)}" for i, a in enumerate(big["article_id"])]
    return big


def _equal(a: dict, b: dict):
    assert set(a) == set(b) == set(utils.TABLES)
    for t in utils.TABLES:
        pd.testing.assert_frame_equal(a[t].reset_index(drop=True), b[t].reset_index(drop=True),
                                      check_dtype=False, obj=t)


@pytest.fixture(scope="module")
def result(articles):
    return utils.analyze(articles)


def test_tables_and_contract_columns(result, articles):
    for table, cols in CONTRACT.items():
        assert [c for c in cols if c not in result[table].columns] == [], table
        assert set(result[table]["article_id"]) <= set(articles["article_id"])
    assert len(result["sentences"]) == len(utils.split_sentences(articles))


def test_rows_of_a_story_do_not_depend_on_the_batch(articles):
    """The per-partition stages give a story the same rows alone or in a batch; only the corpus-wide
    reduce (one name per person) may change with the corpus."""
    one = "002_0a40d8cf15efc833-1"
    alone = utils.analyze_partition(articles[articles["article_id"] == one])
    batch = utils.analyze_partition(articles)
    for t in utils.TABLES:
        part = batch[t][batch[t]["article_id"] == one]
        pd.testing.assert_frame_equal(alone[t].reset_index(drop=True), part.reset_index(drop=True), obj=t)


def test_the_corpus_resolves_a_surname_a_story_alone_cannot(articles, result):
    """Story 002 calls him "Trump" only; the corpus knows him as Donald Trump (a reduce step)."""
    one = "002_0a40d8cf15efc833-1"
    alone = utils.analyze(articles[articles["article_id"] == one])["quotes"]
    batch = result["quotes"][result["quotes"]["article_id"] == one]
    assert set(alone.loc[alone["speaker"] == "Trump", "person"]) == {"Trump"}
    assert set(batch.loc[batch["speaker"] == "Trump", "person"]) == {"Donald Trump"}
    assert set(batch.loc[batch["speaker"] == "Trump", "person_id"]) == {"person:donald-trump"}


def test_process_pool_equals_one_core(articles):
    big = _copies(articles, 5)
    _equal(utils.analyze(big, workers=1), utils.analyze(big, workers=2))


def test_cache_round_trip(articles, tmp_path, result):
    first = utils.analyze_cached(articles, tmp_path)
    key = utils.analysis_key(articles)
    assert sorted(p.name for p in (tmp_path / key).iterdir()) == sorted(f"{t}.parquet" for t in utils.TABLES)
    again = utils.analyze_cached(articles, tmp_path)
    _equal(first, again)
    _equal(result, again)
    assert utils.analysis_key(articles.iloc[:3]) != key


def test_dask_local_cluster_equals_pandas(articles):
    dd = pytest.importorskip("dask.dataframe")
    import dask
    from distributed import Client, LocalCluster

    big = _copies(articles, 3)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        lazy = utils.analyze_dask(dd.from_pandas(big, npartitions=4, sort=False))
        computed = dict(zip(lazy, dask.compute(*lazy.values())))
    _equal(utils.analyze(big), computed)
