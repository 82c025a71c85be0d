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



def _package_copy(tmp_path):
    """A copy of the withdrawals package (modules and lexicon) to edit."""
    import shutil
    from pathlib import Path

    src = Path(utils.__file__).resolve().parent / "withdrawals"
    dst = tmp_path / "withdrawals"
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def test_analysis_key_ignores_the_views_and_follows_the_lexicon(articles, tmp_path, monkeypatch):
    """The analysis cache is keyed on the extraction code and the lexicon only: a retitled figure or a
    changed table keeps it; a changed rule or word list (a line added to a lexicon file) discards it."""
    from withdrawals import pipeline

    pkg = _package_copy(tmp_path)
    monkeypatch.setattr(pipeline, "_HERE", pkg)
    key = utils.analysis_key(articles)
    assert key == utils.analysis_key(articles.copy())
    views = ["tables.py", "plots_sentiment.py", "plots_speakers.py", "plots_numbers.py", "figures.py",
             "display.py", "build.py", "evaluation.py", "cache.py", "__init__.py"]
    for name in views:
        path = pkg / name
        path.write_text(path.read_text(encoding="utf-8") + "\n# a retitled figure\n", encoding="utf-8")
        assert utils.analysis_key(articles) == key, name
    lexicon_file = sorted((pkg / "lexicon").glob("*.txt"))[0]
    lexicon_file.write_text(lexicon_file.read_text(encoding="utf-8") + "a new word\n", encoding="utf-8")
    changed = utils.analysis_key(articles)
    assert changed != key
    for module in pipeline.EXTRACTION_MODULES:
        path = pkg / f"{module}.py"
        path.write_text(path.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
        assert utils.analysis_key(articles) != changed, module
        changed = utils.analysis_key(articles)


def test_the_views_are_apart_from_the_extraction():
    """No extraction module imports a view module at import time (tables, plots_*), so the
    analysis and its cache key never depend on them; and every module of the package is either
    extraction (in the cache key) or a view, so a new module is put on one side knowingly."""
    import ast
    from pathlib import Path

    from withdrawals import pipeline

    here = Path(pipeline.__file__).resolve().parent
    views = {"tables", "plots_corpus", "plots_sentiment", "plots_speakers", "plots_numbers", "figures", "display", "build",
             "evaluation", "cache", "__init__"}
    modules = {p.stem for p in here.glob("*.py")}
    assert modules == set(pipeline.EXTRACTION_MODULES) | views, modules ^ (set(pipeline.EXTRACTION_MODULES) | views)
    for module in pipeline.EXTRACTION_MODULES:
        tree = ast.parse((here / f"{module}.py").read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                name = (node.module or "").replace("withdrawals.", "").lstrip(".")
                assert not name.startswith(("tables", "plots")), (module, name)

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
