#!/bin/bash
# Full and incremental truck-factor runs on the synthetic git history; prints one line per run.
cd /tmp/tfh
T='%e wall %U user %S sys %M KB'
run() { # label, args...
  local label=$1; shift
  local load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f "$T" -o time.tmp java -jar cm.jar truck-factor --git gitsyn "$@" > out.tmp 2> err.tmp
  echo "$label | load $load | $(cat time.tmp)"
}
git -C gitsyn checkout -q main && git -C gitsyn reset -q --hard base
rm -f base.bin
for i in 1 2 3; do rm -f b$i.bin; run "full --history (absent) at base #$i" --history b$i.bin; done
cp b1.bin base.bin; ls -l base.bin | awk '{print "history file bytes", $5}'
cmp b1.bin b2.bin && echo "b1 = b2 bytes"
f=$(git -C gitsyn ls-files '*.c' | head -1)
echo "/* one more line */" >> gitsyn/$f
git -C gitsyn -c user.name="New Person" -c user.email=new@example.org commit -q -am "one new commit"
for i in 1 2 3; do run "full without --history at base+1 #$i"; cp out.tmp full.out; done
for i in 1 2 3 4 5; do cp base.bin h.bin; run "incremental --history at base+1 #$i" --history h.bin; cp out.tmp inc.out; cat err.tmp | grep -v '^$' | head -2; done
cmp full.out inc.out && echo "outputs byte-identical"
for i in 1 2 3; do run "up to date --history at base+1 #$i" --history h.bin; done
cmp full.out out.tmp && echo "outputs byte-identical (up to date)"
ls -l h.bin | awk '{print "extended history file bytes", $5}'
