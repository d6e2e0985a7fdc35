"""Settings: defaults here, then LEDE_* environment variables, then test overrides."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Defaults:
    INDEX_DIR = str(ROOT / "index-data")  # LEDE_INDEX_DIR
    SOURCE = str(ROOT / "seeds")  # LEDE_SOURCE: folder, file, or .jsonl(.gz)
    MAX_PER_PAGE = 100  # LEDE_MAX_PER_PAGE
    MAX_QUERY_CHARS = 2000
    CSV_MAX_ROWS = 1_000_000
    SIMILAR_LIMIT = 10
