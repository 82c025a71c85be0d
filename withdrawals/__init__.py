"""The analysis code behind ``utils.py``, one module per stage, in the order data flows.

``corpus`` (load, clean, audit) -> ``segment`` (sentences) -> ``sentiment`` ->
``speakers`` -> ``numbers`` (troop figures, time frames) -> ``pipeline`` (analyze)
-> ``figures`` (one style, one save helper).  Notebooks import ``utils`` only.
"""
