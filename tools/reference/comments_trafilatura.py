# Scores trafilatura on ../shared/corpus/comments the way tests/comment_pages.rs scores Gloss (pip install trafilatura==2.0.0 lxml_html_clean).
import json, sys, os, re
import trafilatura
corpus = os.path.join(os.path.dirname(__file__), "../../../shared/corpus/comments")
exp = json.load(open(os.path.join(corpus, "expected.json")))
def normal(t):
    tr = {'\u2018':"'", '\u2019':"'", '\u201a':"'", '\u2032':"'", '\u201c':'"','\u201d':'"','\u201e':'"','\u00ab':'"','\u00bb':'"','\u2013':'-','\u2014':'-','\u00a0':' ','\u202f':' '}
    t = ''.join(tr.get(c, c) for c in t)
    return ' '.join(t.lower().split())
tot = dict(snip=0, found=0, body=0, none=0, pages=0)
for name in sorted(exp):
    html = open(os.path.join(corpus, name), 'rb').read()
    r = trafilatura.bare_extraction(html, include_comments=True, with_metadata=False)
    body = normal((r.text if r else '') or '')
    com = normal((r.comments if r else '') or '')
    sn = [normal(s) for s in exp[name].get("comments", []) if normal(s)]
    f = sum(1 for s in sn if s in com); b = sum(1 for s in sn if s in body)
    tot['snip'] += len(sn); tot['found'] += f; tot['body'] += b
    if sn:
        tot['pages'] += 1; tot['none'] += (not com.strip())
    print(f"{name:60} {f}/{len(sn)} found, {b} in body")
print(tot)
