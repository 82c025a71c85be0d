"""The analysis code behind ``utils.py``, one module per stage, in the order data flows.

``lexicon`` (the rules' word lists, from ``lexicon/``) feeds the rules.
``corpus`` (load, clean, audit) -> ``cache`` (cleaned articles kept) -> ``segment`` (sentences,
quotation spans) -> ``sentiment`` -> ``speakers`` (quotes, names, terms) -> ``numbers`` (troop
figures, casualties, time frames) -> ``pipeline`` (analyze, per partition, then the corpus-wide
reduce: ``people`` for one name per person, figure sources; cached on the extraction modules and
the lexicon only) -> ``tables`` (the notebooks' summary tables; ``join_articles``, the one join
with article metadata) -> ``plots_corpus``, ``plots_sentiment``, ``plots_speakers``, ``plots_numbers``
(the figures of notebooks 01-04) -> ``figures`` (one style, one palette, one save helper) -> ``build`` (pages,
index).  ``evaluation`` holds every scorer: the hand
fixtures (``tests/fixtures/``) and the real-article gold (``tests/gold/``).  Notebooks import ``utils`` only.
"""
