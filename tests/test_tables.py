"""Tests for withdrawals.tables.join_articles: the one join of a table with the stories' metadata."""
import pandas as pd
import pytest

import utils
from withdrawals.tables import join_articles

ARTS = pd.DataFrame({
    "article_id": ["a", "b", "c", "d"],
    "outlet": ["Reuters", "Reuters", "", "Vox"],
    "lean": ["center", "center", None, "left"],
    "published": ["2019-10-07", "2020-01-03", "", "2019-12-30"],
    "title": ["One", "Two", "Three", "Four"],
})
ROWS = pd.DataFrame({"article_id": ["d", "a", "zz", "a", "c"], "voice": ["quoted", "reporter"] * 2 + ["quoted"],
                     "lean": ["stale"] * 5}, index=[10, 11, 12, 13, 14])


def test_rows_kept_in_order_groups_named_ranked_and_pooled():
    out = join_articles(ROWS, ARTS, groups=["outlet", "voice"], top=1)
    assert out.index.tolist() == [0, 1, 2, 3, 4] and out["article_id"].tolist() == ROWS["article_id"].tolist()
    # Reuters has most stories; Vox pooled; a blank outlet and a row with no story are "(unknown outlet)"
    assert out["outlet"].tolist() == ["other outlets", "Reuters", "(unknown outlet)", "Reuters", "(unknown outlet)"]
    assert out["voice"].tolist() == ROWS["voice"].tolist()          # the rows' own column, kept as it is
    assert ROWS["lean"].tolist() == ["stale"] * 5                      # the input is not changed


def test_columns_replaced_dates_parsed_periods_and_unknown_named_by_column():
    out = join_articles(ROWS, ARTS, ["outlet", "published", "url"], [("group", "lean")], period="year",
                        unknown="(unknown {})")
    assert out["group"].tolist() == ["left", "center", "(unknown lean)", "center", "(unknown lean)"]
    assert out["lean"].tolist() == ["stale"] * 5 and "url" in out and set(out["url"].dropna()) == {""}
    assert str(out["published"].dtype).startswith("datetime64")
    assert out["period"].tolist()[:2] == ["2019", "2019"]
    replaced = join_articles(ROWS, ARTS, groups=["lean"], top=None)
    assert replaced["lean"].tolist() == ["left", "center", "(unknown outlet)", "center", "(unknown outlet)"]


def test_year_from_the_dates_and_a_bad_column_named():
    assert join_articles(ROWS.iloc[:2], ARTS, groups=["year"])["year"].tolist() == ["2019", "2019"]
    with pytest.raises(ValueError, match="'colour' is not a column of the articles: no such column"):
        join_articles(ROWS, ARTS, groups=["colour"])


def test_every_view_groups_stories_alike():
    """speaker, sentiment and troop tables of the same stories name the same groups (the one join)."""
    arts = utils.load_articles("seeds")
    tables = utils.analyze(arts)
    want = set(utils.story_groups(arts, "outlet", 3))
    assert set(utils.speaker_table(tables["quotes"], arts, top=3)["outlet"]) <= want
    assert set(utils.sentiment_summary(tables["sentences"], arts, top=3, n_boot=10)["outlet"]) <= want
    assert set(utils.figures_by_place(tables["troops"], arts, top=3)["outlet"]) <= want
