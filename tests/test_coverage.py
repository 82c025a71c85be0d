"""Every public function of utils meets the hardening bar: a property test feeds it arbitrary input.

A function added later fails this test until a property test names it (or it is
listed below with the test that covers it instead, and why).
"""
import inspect
import re
from pathlib import Path

import utils

HERE = Path(__file__).parent
#: Public names covered elsewhere, with where and why.
ELSEWHERE = {
    "analyze_dask": "test_pipeline.py: on a 2-worker LocalCluster, equal to analyze (a cluster per example is too slow)",
    "set_display": "test_report_safety.py: a Styler table with a script title, and the build of every notebook",
    "score_troop_fixtures": "test_fixtures.py: takes no data, only the fixture folders; every fixture row right",
}


def _public():
    return sorted(n for n in dir(utils) if not n.startswith("_")
                  and (inspect.isfunction(getattr(utils, n)) or inspect.isclass(getattr(utils, n))))


def test_every_public_function_has_a_property_test():
    source = "".join(p.read_text(encoding="utf-8") for p in sorted(HERE.glob("test_properties*.py")))
    source += (HERE / "test_report_safety.py").read_text(encoding="utf-8")
    missing = [n for n in _public() if n not in ELSEWHERE and not re.search(rf"\butils\.{n}\b", source)]
    assert not missing, f"no property test calls utils.{', utils.'.join(missing)}"


def test_the_exemptions_name_real_functions_tested_where_they_say():
    for name, where in ELSEWHERE.items():
        assert name in _public()
        assert name in (HERE / where.split(":")[0]).read_text(encoding="utf-8")
