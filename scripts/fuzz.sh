#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (AddressSanitizer + libFuzzer) and runs them.
#
#   scripts/fuzz.sh run     every target for FUZZ_SECONDS (default 600) each, one after the other
#   scripts/fuzz.sh smoke   every target for FUZZ_SMOKE_SECONDS (default 20) from its seeds only;
#                           fails on any crash, sanitizer report, leak, timeout or out-of-memory.
#                           Skips (exit 0) with a message when the toolchain has no libFuzzer.
#   scripts/fuzz.sh build   only builds
#
# Environment:
#   FUZZ_TARGETS=docx,odt   the targets to run (default: all of package docx odt template signature tender espd)
#   FUZZ_SECONDS=600        seconds per target for `run`
#   FUZZ_SMOKE_SECONDS=20   seconds per target for `smoke`
#   FUZZ_KEEP_GOING=1       `run` keeps fuzzing after a crash (libFuzzer -fork=1 -ignore_crashes=1 ...);
#                           0 stops a target at its first crash
#   FUZZ_OUT=out/fuzz       work folder: <target>/seeds (copied afresh each time), <target>/corpus
#                           (grows across runs), <target>/crash-*|timeout-*|oom-*|leak-* (artifacts),
#                           <target>/*.log, summary.txt
#   FUZZ_SCRATCH=.build-fuzz  SwiftPM scratch path of the fuzz build
#   FUZZ_BUILD_JOBS=N       passed to swift build -j
#   CORPUS=../shared/corpus seed documents from outside the repository (skipped when missing)
#
# Seeds are copied at run time from CORPUS and from the project's templates/ and samples/ (plus
# small templates made by scripts/fuzz-seeds.py); they are never committed. Reproduce an artifact with:
#   DOSSIER_FUZZ_TARGET=<target> .build-fuzz/debug/DossierFuzz out/fuzz/<target>/crash-...
set -uo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-run}
ALL_TARGETS="package docx odt template signature tender espd"
TARGETS=$(echo "${FUZZ_TARGETS:-$ALL_TARGETS}" | tr ',' ' ')
OUT=${FUZZ_OUT:-out/fuzz}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
CORPUS=${CORPUS:-../shared/corpus}
SWIFT=${SWIFT:-swift}
BIN="$SCRATCH/debug/DossierFuzz"

say() { echo "fuzz: $*"; }

for t in $TARGETS; do
  case " $ALL_TARGETS " in *" $t "*) ;; *) say "unknown target '$t' (targets: $ALL_TARGETS)"; exit 2 ;; esac
done

# --- Toolchain check: libFuzzer and ASan runtimes beside the Swift compiler. -------------------
toolchain_ok() {
  local swiftc
  swiftc=$(command -v swiftc || true)
  [ -n "$swiftc" ] || { echo "no swiftc on PATH"; return 1; }
  local root
  root=$(dirname "$(dirname "$(readlink -f "$swiftc")")")
  if ! ls "$root"/lib/clang/*/lib/*/libclang_rt.fuzzer*.a "$root"/lib/swift/clang/lib/*/libclang_rt.fuzzer*.a >/dev/null 2>&1; then
    echo "the Swift toolchain at $root has no libclang_rt.fuzzer (libFuzzer)"; return 1
  fi
  if ! ls "$root"/lib/clang/*/lib/*/libclang_rt.asan*.a "$root"/lib/swift/clang/lib/*/libclang_rt.asan*.a >/dev/null 2>&1; then
    echo "the Swift toolchain at $root has no AddressSanitizer runtime"; return 1
  fi
  return 0
}

if ! why=$(toolchain_ok); then
  if [ "$MODE" = smoke ]; then
    say "SKIPPED: $why; the fuzz smoke test needs a Swift toolchain with -sanitize=fuzzer,address (Linux, swift.org toolchain)"
    exit 0
  fi
  say "cannot fuzz: $why"; exit 1
fi

# --- Build. -------------------------------------------------------------------------------------
build() {
  say "building the fuzz targets ($SCRATCH, debug, -sanitize=fuzzer,address)"
  local jobs=()
  [ -n "${FUZZ_BUILD_JOBS:-}" ] && jobs=(-j "$FUZZ_BUILD_JOBS")
  # -parse-as-library: the entry point is libFuzzer's main, not top-level code.
  # (SwiftPM's own --sanitize=fuzzer is not used: it does not keep libFuzzer's main for an
  # executable target; Fuzz/Package.swift says why its tools version is 5.4.)
  if ! "$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c debug "${jobs[@]}" \
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library > "$OUT/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$OUT/build.log" | tail -40
    say "FAILED: the fuzz build failed (full log: $OUT/build.log)"; exit 1
  fi
  [ -x "$BIN" ] || { say "FAILED: $BIN was not built"; exit 1; }
}
mkdir -p "$OUT"
build
[ "$MODE" = build ] && exit 0

# --- Seeds. -------------------------------------------------------------------------------------
copy_seeds() { # target dir max_len files...
  local dir=$1 max=$2; shift 2
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    [ "$(stat -c %s "$f")" -le "$max" ] || continue
    cp "$f" "$dir/$(echo "$f" | tr '/' '_' | sed 's/^[._]*//')"
  done
}

# Flat ODT seeds made from the content.xml of zipped ones (office:document-content becomes
# office:document).
flat_seeds() { # dir files...
  local dir=$1; shift
  python3 - "$dir" "$@" <<'PY' 2>/dev/null || true
import sys, zipfile, re, os
out = sys.argv[1]
for path in sys.argv[2:]:
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("content.xml").decode("utf-8")
    except Exception:
        continue
    xml = xml.replace("office:document-content", "office:document", 2)
    xml = xml.replace("<office:document ", '<office:document office:mimetype="application/vnd.oasis.opendocument.text" ', 1)
    with open(os.path.join(out, "flat_" + os.path.basename(path) + ".fodt"), "w", encoding="utf-8") as f:
        f.write(xml)
PY
}

max_len() {
  case $1 in
    tender) echo 65536 ;;
    espd) echo 2097152 ;;
    *) echo 1048576 ;;
  esac
}

prepare_seeds() { # target
  local t=$1 dir="$OUT/$1/seeds" max
  max=$(max_len "$t")
  rm -rf "$dir"; mkdir -p "$dir"
  shopt -s nullglob globstar
  local docx=( "$CORPUS"/docx/* "$CORPUS"/docx/**/*.docx templates/*.docx samples/documents/*.docx )
  local odt=( "$CORPUS"/odt/**/*.odt templates/*.odt samples/documents/*.odt )
  local signed=( "$CORPUS"/signed/**/*.odt "$CORPUS"/signed/**/*.docx )
  local hostile=( "$CORPUS"/hostile/* )
  case $t in
    package)   copy_seeds "$dir" "$max" "${docx[@]}" "${odt[@]}" "${signed[@]}" "${hostile[@]}" ;;
    docx)      copy_seeds "$dir" "$max" "${docx[@]}" "${hostile[@]}"
               python3 scripts/fuzz-seeds.py "$dir.small" && mv "$dir.small"/*.docx "$dir/" && rm -rf "$dir.small" ;;
    odt)       copy_seeds "$dir" "$max" "${odt[@]}" "$CORPUS"/signed/odf/*.odt; flat_seeds "$dir" "${odt[@]}"
               python3 scripts/fuzz-seeds.py "$dir.small" && mv "$dir.small"/*.odt "$dir/" && rm -rf "$dir.small" ;;
    template)  copy_seeds "$dir" "$max" templates/*.docx templates/*.odt samples/documents/*.docx samples/documents/*.odt
               python3 scripts/fuzz-seeds.py "$dir" ;;
    signature) copy_seeds "$dir" "$max" "${signed[@]}" templates/*.docx templates/*.odt ;;
    tender)    copy_seeds "$dir" "$max" samples/tenders/*.yaml samples/tenders/**/*.yaml
               # The same tenders as JSON (which is YAML too), when PyYAML is at hand.
               python3 - "$dir" samples/tenders/*.yaml <<'PY' 2>/dev/null || true
import sys, json, os, datetime, yaml
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    with open(os.path.join(sys.argv[1], os.path.basename(path) + ".json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, default=lambda v: v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else str(v))
PY
               ;;
    espd)      copy_seeds "$dir" "$max" "$CORPUS"/espd/*/*.xml ;;
  esac
  shopt -u nullglob globstar
  if [ ! -d "$CORPUS" ]; then say "$t: $CORPUS is missing; seeds from templates/ and samples/ only"; fi
  ls "$dir" | wc -l
}

# --- Run. ---------------------------------------------------------------------------------------
# Figures of one run from libFuzzer's log: executions, exec/s, coverage, features.
figures() { # log seconds
  local log=$1 line execs rate cov ft corp
  line=$(grep -E "^#[0-9]+:?[[:space:]].*cov: " "$log" | tail -1)
  cov=$(echo "$line" | sed -nE 's/.*cov: ([0-9]+).*/\1/p')
  ft=$(echo "$line" | sed -nE 's/.*ft: ([0-9]+).*/\1/p')
  execs=$(sed -nE 's/^stat::number_of_executed_units:[[:space:]]+([0-9]+)/\1/p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(echo "$line" | sed -nE 's/^#([0-9]+).*/\1/p')
  rate=$(sed -nE 's/^stat::average_exec_per_sec:[[:space:]]+([0-9]+)/\1/p' "$log" | tail -1)
  # Fork mode prints no final stats and the exec/s of the last job only: average over the run.
  if [ -z "$rate" ] && [ -n "$execs" ] && [ "${2:-0}" -gt 0 ]; then rate=$(( execs / $2 )); fi
  corp=$(echo "$line" | sed -nE 's/.*corp: ([0-9]+).*/\1/p')
  echo "${execs:-?} ${rate:-?} ${cov:-?} ${ft:-?} ${corp:-?}"
}

artifacts() { ls "$1" 2>/dev/null | grep -cE '^(crash|leak|timeout|oom|slow-unit)-' ; }

failed=()
summary="$OUT/summary.txt"
[ "$MODE" = run ] && echo "# $(date -u +%FT%TZ) run, FUZZ_SECONDS=${FUZZ_SECONDS:-600}" >> "$summary"
printf "%-10s %6s %10s %7s %6s %7s %7s %s\n" target secs execs exec/s cov ft corpus new-artifacts
for t in $TARGETS; do
  dir="$OUT/$t"; mkdir -p "$dir"
  seeds=$(prepare_seeds "$t")
  dict="Fuzz/dict/$t.dict"
  before=$(artifacts "$dir")
  flags=(-timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" -artifact_prefix="$dir/" -print_final_stats=1)
  [ -f "$dict" ] && flags+=(-dict="$dict")
  # The structure-aware mutator writes whole packages: let it use max_len from the start.
  case $t in tender|espd) ;; *) flags+=(-len_control=0) ;; esac
  if [ "$MODE" = smoke ]; then
    secs=${FUZZ_SMOKE_SECONDS:-20}
    corpus="$dir/smoke-corpus"; rm -rf "$corpus"; mkdir -p "$corpus"
    log="$dir/smoke.log"
    flags+=(-max_total_time="$secs")
  else
    secs=${FUZZ_SECONDS:-600}
    corpus="$dir/corpus"; mkdir -p "$corpus"
    log="$dir/run-$(date -u +%Y%m%dT%H%M%S).log"
    flags+=(-max_total_time="$secs")
    if [ "${FUZZ_KEEP_GOING:-1}" = 1 ]; then
      flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    fi
  fi
  say "$t: $seeds seeds, $secs s, log $log"
  start=$(date +%s)
  DOSSIER_FUZZ_TARGET=$t "$BIN" "${flags[@]}" "$corpus" "$dir/seeds" > "$log" 2>&1
  status=$?
  elapsed=$(( $(date +%s) - start ))
  read -r execs rate cov ft size <<< "$(figures "$log" "$elapsed")"
  new=$(( $(artifacts "$dir") - before ))
  row=$(printf "%-10s %6s %10s %7s %6s %7s %7s %s" "$t" "$elapsed" "$execs" "$rate" "$cov" "$ft" "$size" "$new")
  echo "$row"
  [ "$MODE" = run ] && echo "$row" >> "$summary"
  if [ $status -ne 0 ] || [ "$new" -gt 0 ] || grep -qE "^==[0-9]+==ERROR|^SUMMARY: |Fatal error|deadly signal" "$log"; then
    failed+=("$t")
    echo "---- $t: exit status $status; the end of $log:"
    grep -v "^#[0-9]" "$log" | tail -40
    ls "$dir" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' | sed "s|^|     artifact: $dir/|"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  say "FAILED: ${failed[*]} (reproduce: DOSSIER_FUZZ_TARGET=<target> $BIN <artifact>)"
  exit 1
fi
say "ok"
