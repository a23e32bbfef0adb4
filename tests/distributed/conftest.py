"""A real local Ray for the distributed-engine tests: two CPUs, started once.

The Ray extra is installed by scripts/test.sh, which sets WARLEDGER_REQUIRE_RAY: there a
missing Ray fails these tests instead of skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def ray_local() -> Iterator[Any]:
    try:
        import ray
    except ImportError:
        if os.environ.get("WARLEDGER_REQUIRE_RAY"):
            pytest.fail("Ray is not installed (required because WARLEDGER_REQUIRE_RAY is set)")
        pytest.skip("Ray is not installed: pip install -e '.[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture(scope="session")
def extractor() -> Any:
    """The single-process reference: one packaged ``Extractor``."""
    from warledger.nlp.extract import Extractor

    return Extractor()
