"""Test settings: hypothesis profiles chosen by the HYPOTHESIS_PROFILE variable.

``dev`` (the default) is fast enough to run on every change; ``ci`` is thorough:
1 000 examples for each property that does not set its own (the cap ones included), so
that CI runs the whole suite within its time. ``mutation`` is
for mutation testing (docs/testing.md): few examples, always the same ones, so that
a mutant is killed or not the same way on every run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "mutation",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
