"""Lede's Flask front end: parse the request, call index/, render HTML, JSON or CSV."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from app.config import ROOT, Defaults
from index.store import IndexHandle


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    """Build a new app: defaults, then LEDE_* environment, then the caller's overrides."""
    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder="static")
    app.config.from_object(Defaults)
    app.config.from_prefixed_env("LEDE")  # LEDE_INDEX_DIR -> INDEX_DIR
    app.config.update(overrides or {})
    app.extensions["lede"] = IndexHandle(app.config["INDEX_DIR"])

    from app import api, cli, errors, security, state, views

    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    state.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    cli.init_app(app)
    return app
