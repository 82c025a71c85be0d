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
