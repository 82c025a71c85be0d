"""A synthetic news corpus about troop withdrawals, written by the tests (no real article text).

``write_synthetic_corpus(path, n_stories=200, n_outlets=50, seed=0)`` writes a
JSON Lines table shaped like a real scrape: ``title, text, outlet, published,
url, lean``, outlets with very uneven story counts (a few with a dozen or more,
many with one or two), dates over two years, paragraphs with quotations by
titled speakers (named and anonymous), reported speech and troop figures with
hedges, places and time frames, and a little page furniture for the cleaner.
Every name and sentence is invented from the small tables below; the same seed
gives the same file.
"""
from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

__all__ = ["write_synthetic_corpus", "synthetic_outlets"]

_OUTLET_WORDS = ("Ledger Courier Herald Sentinel Gazette Tribune Dispatch Observer Chronicle Monitor "
                 "Examiner Beacon Journal Post Times Register Record Review Bulletin Wire").split()
_TOWNS = ("Riverside Lakeport Millbrook Ashford Fairview Kingsbridge Northgate Elmwood Harborview Westfield "
          "Cedar Falls Stonebridge Brookhaven Clearwater Oakridge Pinecrest Redhill Silverton Sunnyvale "
          "Thornbury Willowdale Yorkton Marston Granville Easton").split()
_FIRST = ("Alan Beatriz Carl Dana Elif Farid Grace Hiro Ines Jonas Kemal Lena Marco Nora Oskar Paula "
          "Quentin Rosa Stefan Tara Umar Vera Walter Ximena Yusuf Zofia").split()
_LAST = ("Abbott Brandt Caldwell Dorsey Ellison Fairchild Garrity Holloway Ingram Jarvis Kessler Lindgren "
         "Maddox Norwood Ortega Prescott Quinlan Radford Sutherland Thorne Underwood Vance Whitaker Yates").split()
_TITLES = ["Defense Secretary", "Gen.", "Sen.", "Rep.", "Col.", "Ambassador", "Foreign Minister",
           "Pentagon spokesman", "White House press secretary", "Maj. Gen."]
_PLACES = ["Syria", "Iraq", "Afghanistan", "northern Syria", "Germany", "South Korea"]
_UNITS = ["U.S. troops", "American soldiers", "service members", "troops", "Marines"]
_HEDGES = ["about", "roughly", "more than", "nearly", "fewer than", "some", "up to", ""]
_FRAMES = ["within 30 days", "over the next six months", "by the end of the year", "within weeks",
           "in 120 days", "over 18 months"]
_VERBS = ["said", "told reporters", "said in a statement", "added", "warned"]
_QUOTES = [
    "We are bringing our people home, and we will do it safely",
    "This withdrawal leaves our partners exposed to a real threat",
    "The mission has been accomplished and the drawdown is on schedule",
    "Nobody should mistake this for a retreat",
    "It is a terrible mistake that will embolden our enemies",
    "We will keep a small force to protect the oil fields",
    "Our allies were not consulted, and they are worried",
    "The numbers will go down gradually, not overnight",
    "Peace is possible if both sides keep their word",
    "This is a betrayal of the people who fought beside us",
]
_ANON = ["a senior U.S. official", "two officials familiar with the plan", "a defense official",
         "a congressional aide"]
_OPENERS = [
    "The Pentagon will reduce the number of {unit} in {place} to {hedge} {n:,}, officials said on {day}.",
    "{hedge_cap} {n:,} {unit} are expected to leave {place} {frame}, according to a plan approved this week.",
    "The administration announced that {unit} in {place} would be cut from {n:,} to {m:,}.",
    "Lawmakers pressed the Pentagon on {day} over the pace of the pullout of {hedge} {n:,} {unit} from {place}.",
]
_FURNITURE = ["Advertisement", "READ MORE: Troops in the region", "Share this article", "Sign up for our newsletter"]


def synthetic_outlets(n_outlets: int = 50, seed: int = 0) -> list[str]:
    """``n_outlets`` distinct invented outlet names ("The Riverside Ledger", ...)."""
    rng = random.Random(seed)
    names = [f"The {t} {w}" for t in _TOWNS for w in _OUTLET_WORDS]
    rng.shuffle(names)
    return names[:n_outlets]


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(_TITLES), f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _story(rng: random.Random, day: date) -> tuple[str, str]:
    place, unit = rng.choice(_PLACES), rng.choice(_UNITS)
    n = rng.choice([200, 500, 700, 1000, 1500, 2000, 2500, 4000, 5200, 8600, 12000])
    hedge = rng.choice(_HEDGES)
    words = {"unit": unit, "place": place, "n": n, "m": max(100, n // 2), "hedge": hedge,
             "hedge_cap": (hedge or "Some").capitalize(), "frame": rng.choice(_FRAMES),
             "day": day.strftime("%A")}
    title = rng.choice([f"US to cut troops in {place}", f"Pullout from {place} begins",
                        f"Allies question {place} withdrawal", f"Pentagon sets {place} drawdown timeline",
                        f"{n:,} troops to leave {place}"])
    paras = [" ".join(rng.choice(_OPENERS).format(**words).split())]
    for _ in range(rng.randint(3, 8)):
        kind = rng.random()
        title_, name = _person(rng)
        if kind < 0.45:
            paras.append(f"“{rng.choice(_QUOTES)},” {title_} {name} {rng.choice(_VERBS)}.")
        elif kind < 0.6:
            paras.append(f"“{rng.choice(_QUOTES)},” said {rng.choice(_ANON)}, who spoke on condition of anonymity.")
        elif kind < 0.75:
            paras.append(f"{title_} {name} said that the remaining {rng.choice([300, 600, 900]):,} "
                         f"{rng.choice(_UNITS)} would stay in {rng.choice(_PLACES)} {rng.choice(_FRAMES)}.")
        elif kind < 0.85:
            paras.append(f"The plan would cost between ${rng.randint(1, 4)} million and ${rng.randint(5, 9)} million, "
                         f"{rng.choice(_ANON)} said.")
        elif kind < 0.93:
            paras.append(rng.choice(_FURNITURE))
        else:
            paras.append(f"At least {rng.randint(2, 40)} people were killed in clashes near the border, "
                         f"the local authorities said.")
    return title, "\n\n".join(paras)


def write_synthetic_corpus(path, n_stories: int = 200, n_outlets: int = 50, seed: int = 0,
                           start: date = date(2019, 1, 1), days: int = 730) -> Path:
    """Write the synthetic corpus as a JSON Lines table at ``path`` (a folder gets ``synthetic.jsonl``).

    In: where to write, how many stories and outlets (every outlet gets at least
    one story while ``n_stories >= n_outlets``; counts fall off steeply, so the
    first outlets have many), a seed, the first date and the span in days
    (stories dated uniformly over it; every 25th story undated).  Out: the
    path written.  Same arguments, same bytes.
    """
    rng = random.Random(seed)
    path = Path(path)
    if path.is_dir() or not path.suffix:
        path.mkdir(parents=True, exist_ok=True)
        path = path / "synthetic.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    outlets = synthetic_outlets(n_outlets, seed)
    weights = [1.0 / (i + 1) ** 0.9 for i in range(n_outlets)]
    chosen = outlets[: min(n_outlets, n_stories)]
    chosen += rng.choices(outlets, weights, k=n_stories - len(chosen))
    rng.shuffle(chosen)
    leans = {o: rng.choice(["left", "center", "right"]) for o in outlets}
    rows = []
    for i, outlet in enumerate(chosen):
        day = start + timedelta(days=rng.randrange(days))
        title, text = _story(rng, day)
        slug = outlet.lower().replace("the ", "").replace(" ", "-")
        rows.append({"title": title, "text": text, "outlet": outlet,
                     "published": "" if i % 25 == 24 else day.isoformat(),
                     "url": f"https://{slug}.example/{day:%Y/%m}/story-{i:04d}", "lean": leans[outlet]})
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path
