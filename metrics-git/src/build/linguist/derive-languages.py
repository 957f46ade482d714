#!/usr/bin/env python3
"""Derives languages.tsv (metrics-git resources) from GitHub Linguist's data files.

Usage: derive-languages.py languages.yml heuristics.yml generic.yml > languages.tsv
(the three files of lib/linguist/ at tag v7.22.0 of github-linguist/linguist, MIT licence).
Needs PyYAML. Records, tab-separated, in languages.yml order:
  L <language> <type>           type: programming, markup, data or prose
  X <extension> <language>      extension as listed (Linguist lower-cases it for lookup)
  F <filename> <language>       exact file name
  D <extension> <language>      heuristics.yml: the rule with no pattern (the fallback)
  G <extension>                 generic.yml: extensions that name no language
"""
import sys
import yaml

languages = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
heuristics = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
generic = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
out = sys.stdout
out.write("# Derived from GitHub Linguist v7.22.0 lib/linguist/{languages,heuristics,generic}.yml"
          " (MIT, see LICENSE-linguist.txt) by metrics-git/src/build/linguist/derive-languages.py\n")
for name, data in languages.items():
    out.write(f"L\t{name}\t{data['type']}\n")
    for ext in data.get("extensions", []):
        out.write(f"X\t{ext}\t{name}\n")
    for filename in data.get("filenames", []):
        out.write(f"F\t{filename}\t{name}\n")
for disambiguation in heuristics["disambiguations"]:
    for rule in disambiguation["rules"]:
        if not any(k in rule for k in ("pattern", "named_pattern", "and", "negative_pattern")):
            names = rule["language"] if isinstance(rule["language"], list) else [rule["language"]]
            for ext in disambiguation["extensions"]:
                for name in names:
                    out.write(f"D\t{ext}\t{name}\n")
for ext in generic["extensions"]:
    out.write(f"G\t{ext}\n")
