"""One article by id, and its paragraphs highlighted for the query a reader came from."""

from __future__ import annotations

from whoosh.searching import Searcher

from index.model import Article, ArticleNotFound
from index.query import parse_query, query_terms
from index.snippets import mark, sanitise


def docnum_of(searcher: Searcher, aid: str) -> int:
    docnum = searcher.document_number(id=aid)
    if docnum is None:
        raise ArticleNotFound(f"no article with id {aid!r}")
    return docnum


def get_article(searcher: Searcher, aid: str) -> Article:
    """The cleaned article as indexed; ArticleNotFound if the id is unknown."""
    f = searcher.stored_fields(docnum_of(searcher, aid))
    return article_from_fields(f)


def article_from_fields(f: dict) -> Article:
    date = f.get("date")
    return Article(
        id=f["id"], title=f["title"], body=f["body"], source=f.get("source", ""),
        outlet=f.get("outlet") or None, date=date.date() if date else None,
        dateline=f.get("dateline") or None, url=f.get("url") or None,
    )


def highlighted_paragraphs(searcher: Searcher, article: Article, q: str) -> list[str]:
    """Sanitised HTML per paragraph with the searched words marked (plain if no query)."""
    terms: set[str] = set()
    if q.strip():
        parsed = parse_query(q, searcher.schema)
        if parsed.query is not None:
            terms = query_terms(parsed.query, searcher)
    return [sanitise(mark(p, terms)[0]) for p in article.paragraphs]
