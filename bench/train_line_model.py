"""Train the line classifier behind index/ingest/clean.py; writes line_model.json.gz.

The shipped model is an ensemble of two members whose scores are averaged, each a logistic
regression over each line's words (index/ingest/line_vocab.py) and then two boosted-tree
stages over shape, neighbourhood and that vocabulary score: one member is fitted on WCXB's
real pages alone, the other on those and the labelled news pages of bench/probes.

    .venv/bin/python bench/train_line_model.py            # grouped CV report + write weights
    .venv/bin/python bench/train_line_model.py --cv-only  # CV report only
    .venv/bin/python bench/train_line_model.py --cv-only --probe-max 48  # probes 49-52 held out

Data: the WCXB article pages rendered to naive text lines (/work/shared, never copied into
the repo) and the invented news pages of bench/probes (in the repo). Cross-validation is
grouped by site domain, so every figure printed is for WCXB pages of sites the model never
saw (the probes only train); the stage-2 model is trained on out-of-fold stage-1 scores so
it learns from the same noisy scores it gets at inference, and the trees see out-of-fold
vocabulary scores for the same reason. Only terms seen on at least VOCAB_MIN_SITES sites
enter the vocabulary, so no site's own menu is learnt. scikit-learn is needed here only;
the shipped JSON is evaluated with numpy (index/ingest/lines.py, line_vocab.py).

Why two members: fitted with the probes, one model learns their shape too (every probe
puts its 10-20 lines of reporting after some 60 lines of chrome, and a one-sentence line
under a headline-shaped one is always a teaser's blurb there), and drops short real
paragraphs on short pages; fitted on WCXB alone, it learns guides' and reviews' bodies and
keeps news pages' boxes and blurbs. Their mean beats each on held-out pages of both kinds
(figures in the issue notes and bench/RESULTS.md).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import pickle
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from common import NEWS, news_held_out, news_paragraph, news_records, write_section  # noqa: E402  (bench/ is the script's directory)

from index.ingest import lines as L  # noqa: E402
from index.ingest.clean import clean_scored  # noqa: E402
from index.ingest.line_vocab import VocabModel, tokenize  # noqa: E402
from index.ingest.unwrap import logical_lines  # noqa: E402

DATA = Path("/work/shared/data/extraction-bench/wcxb-articles")
OUT = Path(__file__).resolve().parents[1] / "index/ingest/line_model.json.gz"
CACHE = Path(__file__).resolve().parent / "out"  # git-ignored: gold bodies, out-of-fold scores
SEED = 8
PARAMS = dict(max_iter=150, learning_rate=0.1, max_leaf_nodes=31, max_depth=8,
              min_samples_leaf=40, l2_regularization=1.0, random_state=SEED)
VOCAB_MIN_SITES = 5  # a term must occur on this many sites (domains) to enter the vocabulary
VOCAB_C = 0.3  # inverse L2 strength of the vocabulary regression
VOCAB_MIN_WEIGHT = 0.01  # smaller weights are not shipped
# WCXB's articles are mostly guides and reviews, whose bodies rarely narrate: fitted on them
# alone the vocabulary learns that "had", "government" or "Washington" mark chrome. Paragraphs
# of real news reporting (the news corpus, read in place) teach it what reporting says.
NEWS_PARAGRAPHS = 8000
PROBES = Path(__file__).resolve().parent / "probes"
# Probe batches after this one train nothing: written after the shipped model, they are its blind measure
PROBE_TRAIN_MAX = 52


def load_pages() -> list[dict]:
    """Pages as the cleaner sees them: non-blank stripped lines with their gold labels."""
    meta = json.loads(gzip.open(DATA / "metadata.json.gz", "rt").read())["files"]
    pages = []
    for line in gzip.open(DATA / "naive-lines.jsonl.gz", "rt"):
        r = json.loads(line)
        raw = "\n".join(r["lines"]).splitlines()
        if len(raw) != len(r["lines"]) or not any(s.strip() for s in raw):
            continue  # embedded newlines would shift labels; none expected
        # the benchmark's lines as they are (non-blank, stripped; one page, urgefitness, is
        # hard-wrapped, and the model learns from its lines unjoined, as the labels give them)
        lines, owners = logical_lines(raw, unwrap=False)
        gold = [bool(g) for g in r["gold_body_line"]]
        pages.append({
            "id": r["id"],
            "text": "\n".join(r["lines"]),
            "gold_lines": np.array(gold),
            "domain": meta.get(r["id"], {}).get("domain", r["id"]),
            "lines": lines,
            "y": np.array([2 * sum(gold[i] for i in o) >= len(o) for o in owners]),
        })
    gold = gold_bodies()
    for p in pages:
        p["gold_body"] = gold.get(p["id"], "")
    return pages


def load_probes(last_batch: int | None = None) -> list[dict]:
    """The news-page probes (bench/probes/batchN/*.json, N <= last_batch) as training pages:
    each its own site."""
    pages = []
    for f in sorted(PROBES.glob("batch*/*.json")):
        if last_batch is not None and int(f.parent.name.removeprefix("batch")) > last_batch:
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        lines, owners = logical_lines(d["lines"], unwrap=False)
        gold = [bool(g) for g in d["body"]]
        pages.append({"id": f"probe:{f.parent.name}/{f.stem}", "text": "\n".join(d["lines"]),
                      "gold_lines": np.array(gold), "domain": f"probe:{f.parent.name}/{f.stem}",
                      "lines": lines, "gold_body": "",
                      "y": np.array([2 * sum(gold[i] for i in o) >= len(o) for o in owners])})
    return pages


def gold_bodies() -> dict[str, str]:
    """Gold body text per page id (cached: pages.jsonl.gz also holds the HTML)."""
    path = CACHE / "gold_body.json"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        gold = {}
        for x in gzip.open(DATA / "pages.jsonl.gz", "rt"):
            d = json.loads(x)
            gold[d["id"]] = d["gold_body"] or ""
        path.write_text(json.dumps(gold))
    return json.loads(path.read_text())


_WORD = re.compile(r"\w+")


def word_f1(pred: str, ref: str) -> float:
    """Bag-of-words F1 (bench/clean_eval.py's convention)."""
    p, r = Counter(_WORD.findall(pred.lower())), Counter(_WORD.findall(ref.lower()))
    if not p or not r:
        return 1.0 if not p and not r else 0.0
    o = sum((p & r).values())
    if not o:
        return 0.0
    prec, rec = o / sum(p.values()), o / sum(r.values())
    return 2 * prec * rec / (prec + rec)


def pipeline_eval(pages: list[dict], scores: list[np.ndarray], threshold: float) -> tuple:
    """Line P/R/F1 (pooled) and mean token F1 of the full cleaner (refine, headline removal)
    when each page is scored by the given (out-of-fold) line scores."""
    tp = fp = fn = 0
    f1s = []
    for p, s in zip(pages, scores, strict=True):
        c = clean_scored(p["text"], lambda _lines, _base, s=s: s, threshold, unwrap=False)
        k = np.zeros(len(p["gold_lines"]), dtype=bool)
        k[list(c.kept_lines or [])] = True
        g = p["gold_lines"]
        tp += int((k & g).sum())
        fp += int((k & ~g).sum())
        fn += int((~k & g).sum())
        f1s.append(word_f1("\n".join(c.paragraphs), p["gold_body"]))
    pr, rc = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return pr, rc, 2 * pr * rc / max(pr + rc, 1e-9), float(np.mean(f1s))


# WCXB dev pages from news publishers (picked by site name): the genre Lede is for, and the
# closest the dev set comes to the held-back news pages
NEWS_SITES = frozenset("""abc7ny.com bssnews.net economictimes.indiatimes.com iotinsider.com
    itbrief.news nbcnews.com news.clemson.edu newsweek.com npr.org nytimes.com statnews.com
    theatlantic.com theguardian.com timesofindia.indiatimes.com webpronews.com eurogamer.net
    freightwaves.com scientificamerican.com thequietus.com ign.com pcworld.com
    topgear.com""".split())


def report_held_out(pages: list[dict], s2: list[np.ndarray], threshold: float, write: bool) -> None:
    """The whole cleaner's figures on the cached out-of-fold scores: all pages, news sites."""
    news = [i for i, p in enumerate(pages) if p["domain"] in NEWS_SITES]
    rows = [("all dev pages", len(pages), pipeline_eval(pages, s2, threshold)),
            ("pages from news sites", len(news),
             pipeline_eval([pages[i] for i in news], [s2[i] for i in news], threshold))]
    body = ["### Text cleaner on pages of sites it was not trained on", "",
            "| pages | n | line P | line R | line F1 | token F1 |", "|---|---|---|---|---|---|"]
    body += [f"| {name} | {n} | {pr:.3f} | {rc:.3f} | {f1:.3f} | {tf:.3f} |"
             for name, n, (pr, rc, f1, tf) in rows]
    body += ["", "Scores from the last `bench/train_line_model.py --cv-only` (5-fold, grouped by site; "
             "each fold trains the vocabulary and both tree stages), run through clean_scored, the "
             f"whole page pipeline, at the shipped threshold {threshold}. News sites: "
             + ", ".join(sorted(NEWS_SITES)) + "."]
    print("\n".join(body))
    if write:
        write_section("line-model-cv", "\n".join(body),
                      f".venv/bin/python bench/train_line_model.py --eval-oof {threshold} --write")


def featurise(pages: list[dict]) -> None:
    for p in pages:
        p["base"] = L.base_features(p["lines"])
        p["tokens"] = tokenize(p["lines"])
        p["terms"] = [line_terms(t) for t in p["tokens"]]


def line_terms(toks: list[bytes]) -> set[tuple]:
    """The terms line_vocab.VocabModel weighs: words, first and last word, word pairs."""
    out: set[tuple] = {("w", t) for t in toks}
    if toks:
        out.add(("f", toks[0]))
        out.add(("l", toks[-1]))
        out.update(("p", a, b) for a, b in itertools.pairwise(toks))
    return out


def news_prose(n: int = NEWS_PARAGRAPHS) -> list[dict]:
    """Sentence-shaped paragraphs of news reporting, as pseudo-pages of body lines (one per
    outlet). The articles common.news_held_out names are left out for bench/news_recall.py."""
    if not n or not NEWS.exists():
        return []
    rng = np.random.default_rng(SEED)
    by_outlet: dict[str, list[str]] = {}
    for r in news_records():
        if news_held_out(r["id"]):
            continue
        for para in r["body"].split("\n"):
            para = para.strip()
            if news_paragraph(para):
                by_outlet.setdefault(r["outlet"], []).append(para)
    flat = [(o, q) for o, ps in by_outlet.items() for q in ps]
    pick = rng.choice(len(flat), size=min(n, len(flat)), replace=False)
    out: dict[str, list[str]] = {}
    for i in sorted(pick.tolist()):
        out.setdefault(flat[i][0], []).append(flat[i][1])
    pages = []
    for outlet, lines in out.items():
        toks = tokenize(lines)
        pages.append({"domain": "news:" + outlet, "terms": [line_terms(t) for t in toks],
                      "y": np.ones(len(lines), dtype=bool)})
    return pages


def fit_vocab(pages: list[dict], extra: list[dict]) -> dict:
    """Fit the vocabulary regression on these pages and the extra (news) pseudo-pages;
    returns line_vocab's JSON spec."""
    pages = pages + extra
    sites: dict[tuple, set[str]] = {}
    for p in pages:
        for terms in p["terms"]:
            for t in terms:
                sites.setdefault(t, set()).add(p["domain"])
    cols = {t: j for j, t in enumerate(sorted(t for t, s in sites.items() if len(s) >= VOCAB_MIN_SITES))}
    rows, cc = [], []
    r = 0
    for p in pages:
        for terms in p["terms"]:
            for t in terms:
                j = cols.get(t)
                if j is not None:
                    rows.append(r)
                    cc.append(j)
            r += 1
    X = sp.csr_matrix((np.ones(len(rows)), (rows, cc)), shape=(r, len(cols)))
    lr = LogisticRegression(C=VOCAB_C, max_iter=1000, solver="liblinear")
    lr.fit(X, np.concatenate([p["y"] for p in pages]))
    coef = lr.coef_[0]
    words = sorted(t[1] for t in cols if t[0] == "w")
    wid = {w: i for i, w in enumerate(words)}
    n = len(words)
    w_word, w_first, w_last = np.zeros(n), np.zeros(n), np.zeros(n)
    pairs: dict[int, float] = {}
    for t, j in cols.items():
        w = float(coef[j])
        if abs(w) < VOCAB_MIN_WEIGHT:
            continue
        if t[0] == "p":
            pairs[wid[t[1]] * n + wid[t[2]]] = w
        else:
            {"w": w_word, "f": w_first, "l": w_last}[t[0]][wid[t[1]]] = w
    keys = sorted(pairs)
    return {"words": [w.decode("utf-8", "surrogatepass") for w in words],
            "w_word": [round(float(v), 4) for v in w_word],
            "w_first": [round(float(v), 4) for v in w_first],
            "w_last": [round(float(v), 4) for v in w_last],
            "pairs": keys, "w_pair": [round(pairs[k], 4) for k in keys],
            "bias": float(lr.intercept_[0])}


def vocab_oof(pages: list[dict], extra: list[dict], n_splits: int = 3) -> list[np.ndarray]:
    """Vocabulary scores of every page from a regression that never saw its site."""
    out: list[np.ndarray] = [np.zeros(0)] * len(pages)
    groups = [p["domain"] for p in pages]
    for tr, te in GroupKFold(n_splits=n_splits).split(pages, groups=groups):
        vm = VocabModel(fit_vocab([pages[i] for i in tr], extra))
        for i in te:
            out[i] = vm.prob(pages[i]["tokens"])
    return out


def fit(X: np.ndarray, y: np.ndarray) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(**PARAMS).fit(X, y)


def oof_stage1(pages: list[dict], n_splits: int = 3) -> list[np.ndarray]:
    """Out-of-fold stage-1 scores for every page (grouped by domain)."""
    out: list[np.ndarray] = [np.zeros(0)] * len(pages)
    groups = [p["domain"] for p in pages]
    for tr, te in GroupKFold(n_splits=n_splits).split(pages, groups=groups):
        m = fit(np.vstack([pages[i]["x1"] for i in tr]), np.concatenate([pages[i]["y"] for i in tr]))
        for i in te:
            out[i] = m.predict_proba(pages[i]["x1"])[:, 1]
    return out


def train_two_stage(pages: list[dict]) -> tuple:
    m1 = fit(np.vstack([p["x1"] for p in pages]), np.concatenate([p["y"] for p in pages]))
    p1 = oof_stage1(pages)
    x2 = np.vstack([L.stage2_features(p["x1"], q) for p, q in zip(pages, p1, strict=True)])
    m2 = fit(x2, np.concatenate([p["y"] for p in pages]))
    return m1, m2


def train_all(pages: list[dict], extra: list[dict]) -> tuple:
    """The vocabulary regression and both tree stages, fitted on these pages."""
    oof = vocab_oof(pages, extra)
    staged = [dict(p, x1=L.stage1_features(p["base"], v)) for p, v in zip(pages, oof, strict=True)]
    m1, m2 = train_two_stage(staged)
    return fit_vocab(pages, extra), m1, m2


def predict_all(vocab: dict | VocabModel, m1, m2, page: dict) -> tuple[np.ndarray, np.ndarray]:
    vm = vocab if isinstance(vocab, VocabModel) else VocabModel(vocab)
    x1 = L.stage1_features(page["base"], vm.prob(page["tokens"]))
    p1 = m1.predict_proba(x1)[:, 1]
    return p1, m2.predict_proba(L.stage2_features(x1, p1))[:, 1]


def prf(y: np.ndarray, k: np.ndarray) -> tuple[float, float, float]:
    tp = float((y & k).sum())
    p = tp / max(k.sum(), 1)
    r = tp / max(y.sum(), 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def cross_validate(pages: list[dict], extra: list[dict], n_splits: int = 5) -> tuple:
    """Honest two-stage scores of the WCXB pages (the probes, if among `pages`, only train):
    each scored by models that never saw its domain. Returns (s1, s2) per WCXB page."""
    groups = [p["domain"] for p in pages]
    s1 = [np.zeros(0)] * len(pages)
    s2 = [np.zeros(0)] * len(pages)
    for f, (tr, te) in enumerate(GroupKFold(n_splits=n_splits).split(pages, groups=groups)):
        t = time.time()
        vocab, m1, m2 = train_all([pages[i] for i in tr], extra)
        vm = VocabModel(vocab)
        for i in te:
            s1[i], s2[i] = predict_all(vm, m1, m2, pages[i])
        print(f"  fold {f}: {time.time() - t:.0f}s", flush=True)
    wcxb = [i for i, p in enumerate(pages) if not p["id"].startswith("probe:")]
    return [s1[i] for i in wcxb], [s2[i] for i in wcxb]


def export(m) -> dict:
    """Flatten sklearn's histogram-GBM trees into padded arrays (see lines.TreeEnsemble)."""
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    depth = 0
    for (pred,) in m._predictors:
        nodes = pred.nodes
        base = len(feature)
        roots.append(base)
        for j, nd in enumerate(nodes):
            depth = max(depth, int(nd["depth"]))
            if nd["is_leaf"]:
                feature.append(0)
                threshold.append(float("inf"))
                left.append(base + j)
                right.append(base + j)
                value.append(float(nd["value"]))
            else:
                feature.append(int(nd["feature_idx"]))
                threshold.append(float(nd["num_threshold"]))
                left.append(base + int(nd["left"]))
                right.append(base + int(nd["right"]))
                value.append(0.0)
    bias = float(np.ravel(m._baseline_prediction)[0])
    return {"feature": feature, "threshold": [round(t, 6) if np.isfinite(t) else 1e300
                                              for t in threshold],
            "left": left, "right": right, "value": [round(v, 6) for v in value],
            "roots": roots, "depth": depth, "bias": bias}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--no-cv", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.5, help="the shipped threshold")
    ap.add_argument("--iters", type=int, default=PARAMS["max_iter"])
    ap.add_argument("--leaves", type=int, default=PARAMS["max_leaf_nodes"])
    ap.add_argument("--depth", type=int, default=PARAMS["max_depth"])
    ap.add_argument("--lr", type=float, default=PARAMS["learning_rate"])
    ap.add_argument("--news", type=int, default=NEWS_PARAGRAPHS,
                    help="news paragraphs added to the vocabulary fit (0: none)")
    ap.add_argument("--probe-max", type=int, default=PROBE_TRAIN_MAX, metavar="N",
                    help="train on probe batches 1..N only (hold the later ones out)")
    ap.add_argument("--single", action="store_true", help="the WCXB-only member alone, no probes")
    ap.add_argument("--eval-oof", type=float, default=None, metavar="TH",
                    help="only re-run the page pipeline on the cached out-of-fold scores")
    ap.add_argument("--write", action="store_true",
                    help="with --eval-oof: put the held-out figures in bench/RESULTS.md")
    args = ap.parse_args()
    PARAMS.update(max_iter=args.iters, max_leaf_nodes=args.leaves, max_depth=args.depth,
                  learning_rate=args.lr)
    t = time.time()
    pages = load_pages()
    if args.eval_oof is not None:
        s2 = pickle.loads((CACHE / "oof_scores.pkl").read_bytes())["s2"]
        report_held_out(pages, s2, args.eval_oof, args.write)
        return
    probes = [] if args.single else load_probes(args.probe_max)
    featurise(pages + probes)
    extra = news_prose(args.news)
    members = [("WCXB dev article pages (naive-lines)", pages)]
    if probes:
        members.append(("WCXB dev article pages and the news pages of bench/probes", pages + probes))
    print(f"{sum(len(p['y']) for p in extra)} news paragraphs for the vocabulary")
    print(f"{len(pages)} pages, {sum(len(p['y']) for p in pages)} non-blank lines, {len(probes)} probe pages, "
          f"base features {pages[0]['base'].shape[1]} ({time.time() - t:.0f}s)")
    threshold = args.threshold
    if not args.no_cv:
        y = np.concatenate([p["y"] for p in pages])
        scores = []
        for name, train in members:
            print(f"member: {name}")
            s1, s2 = cross_validate(train, extra)
            scores.append(s2)
            for stage, s in (("stage1", s1), ("stage2", s2)):
                p, r, f = prf(y, np.concatenate(s) >= threshold)
                print(f"  CV(domain-grouped, 5-fold) {stage} th={threshold:.2f}: P={p:.3f} R={r:.3f} F1={f:.3f}")
        per_page = [sum(ss) / len(ss) for ss in zip(*scores, strict=True)]
        CACHE.mkdir(exist_ok=True)
        (CACHE / "oof_scores.pkl").write_bytes(pickle.dumps({"ids": [p["id"] for p in pages], "s2": per_page}))
        s = np.concatenate(per_page)
        best = max(np.arange(0.2, 0.8, 0.02), key=lambda th: prf(y, s >= th)[2])
        p, r, f = prf(y, s >= threshold)
        print(f"CV ensemble th={threshold:.2f}: P={p:.3f} R={r:.3f} F1={f:.3f} (best line threshold {best:.2f})")
        pr, rc, f1, tf = pipeline_eval(pages, per_page, threshold)
        print(f"CV pipeline (clean_scored, th={threshold:.2f}): P={pr:.3f} R={rc:.3f} F1={f1:.3f} "
              f"token F1={tf:.3f}")
    if args.cv_only:
        return
    specs = []
    for name, train in members:
        vocab, m1, m2 = train_all(train, extra)
        specs.append({"stage1": export(m1), "stage2": export(m2), "vocab": vocab, "trained_on": name})
    spec = json.dumps({"threshold": threshold, "members": specs, "seed": SEED}, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(spec.encode(), compresslevel=9, mtime=0))  # (mtime 0: the same bytes every run)
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
