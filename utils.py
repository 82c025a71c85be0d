"""The one module the notebooks import: loading, cleaning and every analysis helper.

The code lives in the ``withdrawals`` package, one module per stage in the order
data flows: the extraction (corpus -> cache -> segment -> sentiment -> speakers ->
numbers -> pipeline, with people as its corpus-wide reduce; cached on that code and
the lexicon), then the views (tables: the summary tables, one join with the articles
-> plots_corpus, plots_sentiment, plots_speakers, plots_numbers: the figures of notebooks 01-04 ->
figures: one style and save helper); this module re-exports every module's public
names, so notebooks and users only ever write ``import utils`` (of the evaluation
stage, the two scorers the notebooks quote).

DataFrame contracts (add columns freely, never rename these):

=================  ===============  ==========================================================
name               one row per      columns
=================  ===============  ==========================================================
articles           story            article_id, source, part, outlet, published, title, text,
                                    n_words, n_paragraphs
cleaning report    removed line     article_id, source, line, reason
sentences          sentence         article_id, paragraph, sentence, text (+ voice)
scored sentences   sentence         ... + neg, neu, pos, compound
quotes             quotation        article_id, paragraph, quote, speaker, speaker_kind,
                                    speaker_role, cue, direct (+ quote_kind, mention,
                                    person_id, person)
people             person           person_id, person, kind, aliases, n_quotes, n_stories,
                                    outlets
troops             troop figure     article_id, paragraph, sentence, span, low, high, hedge,
                                    unit, actor, place, quoted (+ place_from, source)
timelines          time frame       article_id, sentence, span, low, high, unit (+ kind)
=================  ===============  ==========================================================
"""
from withdrawals.corpus import *  # noqa: F401,F403
from withdrawals.segment import *  # noqa: F401,F403
from withdrawals.sentiment import *  # noqa: F401,F403
from withdrawals.speakers import *  # noqa: F401,F403
from withdrawals.people import *  # noqa: F401,F403
from withdrawals.numbers import *  # noqa: F401,F403
from withdrawals.pipeline import *  # noqa: F401,F403
from withdrawals.cache import *  # noqa: F401,F403
from withdrawals.tables import *  # noqa: F401,F403
from withdrawals.plots_corpus import *  # noqa: F401,F403
from withdrawals.plots_sentiment import *  # noqa: F401,F403
from withdrawals.plots_speakers import *  # noqa: F401,F403
from withdrawals.plots_numbers import *  # noqa: F401,F403
from withdrawals.figures import *  # noqa: F401,F403
from withdrawals.display import *  # noqa: F401,F403
# the scorers the notebooks quote; the rest of the evaluation stage is withdrawals.evaluation
from withdrawals.evaluation import score_quotes, score_troop_fixtures  # noqa: F401
