"""What one raw document becomes in the index: a cleaned article, its Whoosh fields, its
similar-coverage features. Shared by the full build (serial or in parallel segments) and
the incremental one, so every path files a document the same way."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache

from index import signatures
from index.ingest import RawDoc, to_article
from index.model import Article, Skipped
from index.schema import UNKNOWN_KEY, Analyzed, index_terms, make_schema

ANALYZED_FIELDS = ("title", "body")


@lru_cache(maxsize=1)
def worker_schema():
    return make_schema()


def clean_one(raw: RawDoc | Skipped) -> Article | Skipped:
    """Clean, analyse title and body, and compute the similar-coverage features, once, where the
    text is in hand: in a build worker, or in the one process of a small build."""
    if isinstance(raw, Skipped):
        return raw
    article = to_article(raw)
    if isinstance(article, Article):
        schema = worker_schema()
        article.analyzed = {f: Analyzed(index_terms(getattr(article, f), schema[f].format)) for f in ANALYZED_FIELDS}
        article.signature = features_of(article)
    return article


def features_of(a: Article) -> signatures.DocFeatures:
    """Similar-coverage features (index.signatures), computed where the text is already in hand."""
    return signatures.doc_features(a.body, a.date.toordinal() if a.date else 0)


def document(a: Article) -> dict:
    """The Whoosh fields of one article."""
    doc = {
        "id": a.id,
        "title": a.title,
        "body": a.body,
        "outlet": a.outlet or "",
        "outlet_key": a.outlet or UNKNOWN_KEY,
        "dateline": a.dateline or "",
        "url": a.url or "",
        "source": a.source,
        "content_hash": hashlib.sha1(a.body.encode("utf-8")).hexdigest(),
        "word_count": a.word_count,
    }
    for name, terms in (a.analyzed or {}).items():  # analysed in a worker: store the text, file the terms
        doc["_stored_" + name] = doc[name]
        doc[name] = terms
    # always a day (0: undated, the column default): Whoosh's multi-segment reader drops the
    # column of a segment where no document set it, which an incremental reindex can create
    doc["day"] = a.date.toordinal() if a.date else 0
    if a.date:
        doc["date"] = dt.datetime(a.date.year, a.date.month, a.date.day)
    return doc
