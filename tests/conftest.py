"""Shared fixtures: the seed corpus, loaded once per test session."""
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import utils  # noqa: E402


@pytest.fixture(scope="session")
def articles():
    """The six seed stories, as load_articles gives them."""
    return utils.load_articles(REPO / "seeds")


@pytest.fixture(scope="session")
def sentences(articles):
    """The seed stories split into sentences."""
    return utils.split_sentences(articles)


@pytest.fixture(scope="session")
def story(articles):
    """Look up a seed story's text by the start of its file name, e.g. story("004", 2)."""
    def get(prefix: str, part: int = 1) -> str:
        row = articles[articles["article_id"].str.startswith(prefix) & (articles["part"] == part)]
        assert len(row) == 1, f"no single story {prefix} part {part}"
        return row["text"].iloc[0]
    return get


# Property tests (hypothesis): the same examples on every run, so `make test` is reproducible;
# HYPOTHESIS_PROFILE=explore searches ten times wider with fresh random examples.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", max_examples=60, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("explore", max_examples=600, deadline=None, derandomize=False,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
import os  # noqa: E402

settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def temporary_lexicon(tmp_path, monkeypatch):
    """A copy of the lexicon folder that rule modules are rebuilt from; the real one is back afterwards.

    ``add(name, line, module=withdrawals.numbers)`` appends ``line`` to the copy's file ``name``, points
    the loader at the copy and reloads ``module``, which it returns.
    """
    import importlib
    import shutil

    from withdrawals import lexicon
    from withdrawals import numbers

    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon.LEXICON, folder)
    reloaded = []

    def add(name, line, module=numbers):
        with open(folder / name, "a", encoding="utf-8") as f:
            f.write(line + "\n")
        monkeypatch.setattr(lexicon, "LEXICON", folder)
        reloaded.append(module)
        return importlib.reload(module)

    yield add
    monkeypatch.undo()
    for module in dict.fromkeys(reloaded):
        importlib.reload(module)
