#!/usr/bin/env bash
# Builds a large corpus of real documents for import and search benchmarks, from Debian's own
# documentation packages (no network beyond the Debian archive). Deterministic for a given set of
# package versions.
#
#   bench/debian-docs.sh OUT_DIR
#
# OUT_DIR/html/       ~4,900 real HTML pages (Linux kernel, Python 3.11 and PostgreSQL 15 manuals)
# OUT_DIR/man/        ~2,000 manual pages rendered to plain text (manpages, manpages-dev)
# OUT_DIR/articles-10k.jsonl  10,000 articles of about 4-5 KB each ({"id","title","body"} a line),
#                     cut at paragraph boundaries from the pages above: a 10k-article library
# OUT_DIR/MANIFEST    package versions and file counts
set -euo pipefail
out=${1:?usage: debian-docs.sh OUT_DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
pkgs="linux-doc-6.1 python3.11-doc postgresql-doc-15 manpages manpages-dev"
if ! apt-get download $pkgs >/dev/null 2>&1; then
  apt-get update >/dev/null
  apt-get download $pkgs >/dev/null 2>&1
fi
for f in *.deb; do dpkg -x "$f" x; done
rm -rf "$out/html" "$out/man"; mkdir -p "$out/html" "$out/man"
# HTML pages: keep the manuals' own pages, skip indexes, search pages and static assets
find x/usr/share/doc -name '*.html' \
  | grep -Ev '/(_static|_sources|_images|genindex|search|py-modindex|bookindex)' | sort \
  | while IFS= read -r f; do
      rel=${f#x/usr/share/doc/}; dest="$out/html/${rel//\//__}"; cp "$f" "$dest"
    done
# man pages (regular files only), rendered to text
find x/usr/share/man -type f -name '*.gz' | sort | while IFS= read -r f; do
  name=$(basename "$f" .gz)
  MANWIDTH=80 man -l "$f" 2>/dev/null | col -b > "$out/man/$name.txt" || rm -f "$out/man/$name.txt"
  [ -s "$out/man/$name.txt" ] || rm -f "$out/man/$name.txt"
done
python3 - "$out" <<'PY'
import html, json, os, random, re, sys
out = sys.argv[1]
random.seed(81)
docs = []
def cut(title, text):
    text = re.sub(r'[ \t\r\f\v]+', ' ', text)
    paras = [p.strip() for p in re.split(r'\n\s*\n', text) if p.strip()]
    buf, part = [], 1
    for p in paras:
        buf.append(p)
        if sum(len(b) for b in buf) >= 4000:
            docs.append((f'{title} ({part})', '\n\n'.join(buf))); buf, part = [], part + 1
    if sum(len(b) for b in buf) >= 300:
        docs.append((f'{title} ({part})' if part > 1 else title, '\n\n'.join(buf)))
def strip(raw):
    m = re.search(r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', raw, re.S) \
        or re.search(r'<body[^>]*>(.*)</body>', raw, re.S)
    body = m.group(1) if m else raw
    body = re.sub(r'<(script|style)[^>]*>.*?</\1>', ' ', body, flags=re.S | re.I)
    body = re.sub(r'</(p|div|h\d|li|pre|tr|dt|dd|section|table)>', '\n\n', body, flags=re.I)
    body = re.sub(r'<[^>]+>', ' ', body)
    return html.unescape(body).replace('\u00b6', '')
for name in sorted(os.listdir(f'{out}/html')):
    raw = open(f'{out}/html/{name}', encoding='utf-8', errors='replace').read()
    t = re.search(r'<title>(.*?)</title>', raw, re.S)
    title = html.unescape(re.sub(r'\s+', ' ', t.group(1))).strip() if t else name
    cut(title, strip(raw))
for name in sorted(os.listdir(f'{out}/man')):
    cut('man ' + name[:-4], open(f'{out}/man/{name}', encoding='utf-8', errors='replace').read())
random.shuffle(docs)
if len(docs) < 10000:
    sys.exit(f'only {len(docs)} articles could be cut; expected 10,000')
with open(f'{out}/articles-10k.jsonl', 'w') as f:
    for i, (title, body) in enumerate(docs[:10000]):
        f.write(json.dumps({'id': f'a{i:05d}', 'title': title, 'body': body}, ensure_ascii=False) + '\n')
PY
{
  for f in *.deb; do echo "package: $f"; done
  echo "html pages: $(ls "$out/html" | wc -l)"
  echo "man pages: $(ls "$out/man" | wc -l)"
  echo "articles-10k.jsonl: $(wc -l < "$out/articles-10k.jsonl") articles, $(du -h "$out/articles-10k.jsonl" | cut -f1)"
} > "$out/MANIFEST"
cat "$out/MANIFEST"
