"""Test settings: hypothesis profiles chosen by the HYPOTHESIS_PROFILE variable.

``dev`` (the default) is fast enough to run on every change; ``ci`` is thorough:
at least 2 000 examples for each property, the cap ones included.
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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
