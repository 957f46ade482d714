#!/usr/bin/env python3
"""Replays a published commit log (cmlog.txt.gz, newest first) into a new git repository with
git fast-import: same commits (merges as two-parent commits), authors, dates and path lines, with
synthetic file contents (unique per path and version, so git detects the renames again)."""
import gzip, sys, os, random
src, out = sys.argv[1], sys.argv[2]
commits = []
cur = None
with gzip.open(src, 'rt', encoding='utf-8', errors='surrogateescape') as f:
    for line in f:
        line = line.rstrip('\n')
        if line.startswith('commit\t'):
            p = line.split('\t')
            cur = {'parents': p[2].split(), 'at': p[3], 'an': p[4], 'ae': p[5], 'ct': p[6],
                   'cn': p[7], 'ce': p[8], 'rows': []}
            commits.append(cur)
        elif line and cur is not None:
            cur['rows'].append(line.split('\t'))
commits.reverse()
rnd = random.Random(1)
def clean(s, d):
    s = s.replace('<', '').replace('>', '').replace('\n', ' ').strip()
    return s if s else d
w = sys.stdout.buffer
alive = set()
version = 0
def data(path):
    global version
    version += 1
    body = ''.join('%s %d %016x\n' % (path, version, rnd.getrandbits(64)) for _ in range(6))
    b = body.encode('utf-8', 'surrogateescape')
    return b'data %d\n' % len(b) + b + b'\n'
def q(path):
    if any(c in path for c in '"\n\\') or path.startswith('"'):
        return None
    return path.encode('utf-8', 'surrogateescape')
mark = 0
for c in commits:
    mark += 1
    w.write(b'commit refs/heads/main\nmark :%d\n' % mark)
    w.write(('author %s <%s> %s +0000\n' % (clean(c['an'], 'unknown'), clean(c['ae'], ''), c['at'])).encode('utf-8', 'surrogateescape'))
    w.write(('committer %s <%s> %s +0000\n' % (clean(c['cn'], 'unknown'), clean(c['ce'], ''), c['ct'])).encode('utf-8', 'surrogateescape'))
    w.write(b'data 2\nc\n')
    if mark > 1:
        w.write(b'from :%d\n' % (mark - 1))
    if len(c['parents']) > 1 and mark > 2:
        w.write(b'merge :%d\n' % (mark - 2))
        w.write(b'\n')
        continue
    for r in c['rows']:
        st = r[0][0]
        if st in 'AMT':
            p = q(r[1])
            if p is None: continue
            w.write(b'M 100644 inline ' + p + b'\n' + data(r[1])); alive.add(r[1])
        elif st == 'D':
            p = q(r[1])
            if p is None or r[1] not in alive: continue
            w.write(b'D ' + p + b'\n'); alive.discard(r[1])
        elif st in 'RC':
            o, n = q(r[1]), q(r[2])
            if o is None or n is None: continue
            if st == 'R' and r[1] in alive and r[1] != r[2]:
                w.write(b'R ' + o + b' ' + n + b'\n'); alive.discard(r[1]); alive.add(r[2])
            else:
                w.write(b'M 100644 inline ' + n + b'\n' + data(r[2])); alive.add(r[2])
    w.write(b'\n')
