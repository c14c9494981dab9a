#!/usr/bin/env bash
# What two more funders cost per request (issue 14, "how cost grows"): the repository's sources
# copied to .tmp/bench-funders (git-ignored; node_modules linked), two funders scaffolded there by
# `npm run subgraph:new` and composed, then the growth scenario (uncached contract reads one at a
# time: SQL, subgraph calls, bytes, time) run in the repository and in the copy, alternated
# (repo, copy, copy, repo) so the machine's drift cancels out. The copy's bench starts its registry,
# newcomers included, with the hub that sums them; the newcomers hold no rows (the dataset knows
# today's funders), so what they add is the cost of a call that finds nothing.
#   bash bench/funders.sh            (national scale; BENCH_SCALES=0.05 for a quick run)
# Results: bench/FUNDERS/{repo,copy}-{1,2}.md, one growth table each.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
copy="$repo/.tmp/bench-funders"
out="$repo/bench/FUNDERS"
export CONTRACT_FILE="${CONTRACT_FILE:-$(cd "$repo/.." && pwd)/shared/contract/operations.graphql}"
export BENCH_SCALES="${BENCH_SCALES:-1}"
. "$repo/scripts/use-node.sh" > /dev/null

rm -rf "$copy" && mkdir -p "$copy" "$out"
tar -C "$repo" --exclude=./node_modules --exclude=./.tmp --exclude=./dist --exclude=./data --exclude=./.git --exclude=./bench/FUNDERS -cf - . |
  tar -C "$copy" -xf -
ln -s "$repo/node_modules" "$copy/node_modules"
(
  cd "$copy"
  npm run --silent subgraph:new -- collectivites --source LOCAL_AUTHORITY --org cd --funder "Collectivité partenaire"
  npm run --silent subgraph:new -- mutuelles --source OTHER --org cd --funder "Mutuelle partenaire"
  npm run --silent compose
)

run=0
for side in repo copy copy repo; do
  run=$((run + 1))
  dir="$repo"
  [ "$side" = copy ] && dir="$copy"
  file="$out/$side-$(((run + 1) / 2)).md"
  echo "[funders] $side ($dir) -> $file"
  (cd "$dir" && BENCH_RESULTS="$file" npm run --silent bench -- --only growth > /dev/null)
done
rm -rf "$copy"
