#!/usr/bin/env bash
# The image scalability benchmark: generated fabric textures (MVTec-AD layout with defect masks) at each size,
# 'dtad bench' on each size with every cell in its own JVM (--process-per-cell: the worker's peak RSS is the cell's).
#
#   docs/image-scalability/run.sh [OUT_ROOT]          # default OUT_ROOT: dtad-bench-results/image-scalability
#
# Environment (defaults in brackets):
#   SIZES    image sides in pixels ["32 64 128 224"]
#   METHODS  methods for 'dtad bench --methods' [DiT,DDPM,DTE-C,DTE-NP,IForest,OCSVM]
#   TRAIN    normal training images per size [500]; the test split is always 50 good + 100 defect images
#   SEEDS    protocol and method seeds [0]
#   DTAD     the dtad command [the repository's ./dtad, which sets THP_MEM_ALLOC_ENABLE=1 (libtorch's large tensors
#            on huge pages, about three times less CPU per DiT epoch at 224 px); a 'java -jar' command needs it set]
# Rerunning resumes (cells already in OUT_ROOT/out/<size>/results.csv are skipped); to re-measure one size and
# detector, e.g. DiT at 224 px:  SIZES=224 METHODS=DiT docs/image-scalability/run.sh /tmp/rerun
# The table and plot: java -cp dtad-cli/target/dtad.jar dtad.bench.report.ScalabilityReport OUT_ROOT/out DOCS_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${1:-dtad-bench-results/image-scalability}"
SIZES="${SIZES:-32 64 128 224}"
METHODS="${METHODS:-DiT,DDPM,DTE-C,DTE-NP,IForest,OCSVM}"
TRAIN="${TRAIN:-500}"
SEEDS="${SEEDS:-0}"
DTAD="${DTAD:-$here/../../dtad}"
for size in $SIZES; do
  data="$root/data/textures-$size"
  if [ ! -d "$data" ]; then
    $DTAD generate --type textures --size "$size" --train-images "$TRAIN" --out "$data"
  fi
  nice -n 10 $DTAD bench --data-dir "$data" --methods "$METHODS" --seeds "$SEEDS" --process-per-cell \
    --out "$root/out/$size"
done
