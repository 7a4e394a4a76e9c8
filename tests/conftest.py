"""Test settings: hypothesis profiles chosen by the HYPOTHESIS_PROFILE variable.

``dev`` (the default) is fast enough to run on every change; ``ci`` is thorough:
at least 2 000 examples for each property, the cap ones included. ``mutation`` is
for mutation testing (docs/testing.md): few examples, always the same ones, so that
a mutant is killed or not the same way on every run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=2000,
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
