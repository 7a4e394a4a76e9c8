"""How long a forecast of payments takes: the built-in example, its pipeline and its documents still to come.

Run ``python benchmarks/forecast.py`` (the ``batch`` extra). Each line is the median of
three runs of ``propulseur_rules.batch.forecast`` with 2 000 draws, measured with
``time.perf_counter``: under the deliberation alone (the columnar engine only), and
under the financing terms with every document on time or with some late or never
(each future also assessed with the terms on every 31 December, by the columnar engine).
On a machine that other work keeps busy, ``--clock cpu`` measures the CPU time of this
process instead. Benchmarks never fail.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from propulseur_rules import DIJON_2022
from propulseur_rules.batch import EXAMPLE_PIPELINE, DocumentOutlook, forecast
from propulseur_rules.example import (
    EXAMPLE_AS_OF,
    EXAMPLE_CONTRACTS,
    EXAMPLE_CONVENTION,
    EXAMPLE_DOCUMENTS,
    EXAMPLE_FINANCING_SIGNED_ON,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
)

DRAWS = 2000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="time on the wall clock (the default) or in CPU time of this process, for a busy machine",
    )
    clock = time.process_time if parser.parse_args(argv).clock == "cpu" else time.perf_counter
    signed = [contract for contract in EXAMPLE_CONTRACTS if contract.signed_on <= EXAMPLE_AS_OF]
    references = {contract.reference for contract in signed}
    pipeline = [prospect for prospect in EXAMPLE_PIPELINE if prospect.reference not in references]
    received = [document for document in EXAMPLE_DOCUMENTS if document.received_on <= EXAMPLE_AS_OF]
    common = {"regional_authorisation_on": EXAMPLE_REGIONAL_AUTHORISATION_ON, "draws": DRAWS}
    terms = {
        "financing_signed_on": EXAMPLE_FINANCING_SIGNED_ON,
        "documents": received,
        "as_of": EXAMPLE_AS_OF,
    }
    cases = {
        "the deliberation alone": lambda: forecast(DIJON_2022, signed, pipeline, **common),
        "financing terms, every document on time": lambda: forecast(
            EXAMPLE_CONVENTION, signed, pipeline, **common, **terms
        ),
        "financing terms, 60 % on time, 30 % late, 10 % never": lambda: forecast(
            EXAMPLE_CONVENTION,
            signed,
            pipeline,
            **common,
            **terms,
            outlook=DocumentOutlook(on_time=0.6, late=0.3, never=0.1),
        ),
    }
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"forecast of the built-in example, {DRAWS} draws, median of 3 runs, {clock.__name__}; load {load}")
    for name, run in cases.items():
        times = []
        for _ in range(3):
            start = clock()
            run()
            times.append(clock() - start)
        print(f"  {name}: {statistics.median(times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
