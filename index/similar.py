"""Similar coverage: other articles about the same story, ranked, with what they share."""

from __future__ import annotations

from whoosh.searching import Searcher

from index.articles import docnum_of
from index.model import SimilarArticle


def similar_to(searcher: Searcher, aid: str, limit: int = 10) -> list[SimilarArticle]:
    """More-like-this over the body's key terms; labels come from the similar-coverage work."""
    docnum = docnum_of(searcher, aid)
    results = searcher.more_like(docnum, "body", top=limit, numterms=25)
    out = []
    for hit in results:
        f = hit.fields()
        date = f.get("date")
        out.append(SimilarArticle(
            id=f["id"], title=f["title"], outlet=f.get("outlet") or None,
            date=date.date() if date else None, score=round(float(hit.score), 3), relation="related",
        ))
    return out
