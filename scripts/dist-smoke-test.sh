#!/usr/bin/env bash
# Prove the standalone build runs with no Python environment of its own (`make dist-test`).
#
# Unpacks dist/leg-atlas-*.tar.gz into a fresh temporary folder and, with a cleared
# environment (env -i: no venv on PATH, no PYTHONPATH, a new HOME):
#   1. runs `leg-atlas screenshot` with no display (off-screen, EGL) and checks the PNG;
#   2. opens the window under its own Xvfb, waits for the 3D view and grabs the screen
#      (scripts/grab_window.py, from the developer's venv: the app itself uses none);
#   3. checks the running window loaded Python and its modules only from the unpacked folder.
# Prints the sizes and start times; `--compare` times the pip install (.venv/bin/legatlas) too.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
grabber_python="$root/.venv/bin/python"
compare=0
[ "${1:-}" = "--compare" ] && compare=1
tarball=$(ls -t "$root"/dist/leg-atlas-*-linux-*.tar.gz 2>/dev/null | head -n 1 || true)
[ -n "$tarball" ] || { echo "dist-smoke-test: no dist/leg-atlas-*.tar.gz; run make dist" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "dist-smoke-test: Xvfb is missing (make system-deps-test)" >&2; exit 1; }

work=$(mktemp -d /tmp/legatlas-dist-test.XXXXXX)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "dist-smoke-test: FAIL: $*" >&2; exit 1; }
check_png() {  # non-empty and a real PNG
  [ -s "$1" ] || fail "$1 is missing or empty"
  [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$1 is not a PNG"
}
clean_env() {  # env -i with only what a desktop session gives a program
  env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/run" "$@"
}

mkdir -p "$work/home" "$work/run" "$work/out"
chmod 700 "$work/run"
tar -xzf "$tarball" -C "$work"
app_dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'leg-atlas-*')
launcher="$app_dir/leg-atlas"
[ -x "$launcher" ] || fail "no launcher in the tarball"
for file in leg-atlas.desktop leg-atlas.png LegAtlas/legatlas; do
  [ -e "$app_dir/$file" ] || fail "$file is missing from the tarball"
done
grep -q '^Exec=' "$app_dir/leg-atlas.desktop" || fail "the .desktop entry has no Exec line"
echo "tarball: $(basename "$tarball"): $(du -sh "$tarball" | cut -f1) packed, $(du -sh "$app_dir" | cut -f1) unpacked"

start_xvfb() {  # a new virtual screen for each window, so no old picture is left on it
  [ -n "$xvfb_pid" ] && { kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; }
  rm -f "$work/display"
  Xvfb -displayfd 1 -screen 0 1920x1080x24 -nolisten tcp >"$work/display" 2>/dev/null &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  display=":$(head -n 1 "$work/display")"
  [ "$display" != ":" ] || fail "Xvfb did not start"
}

# 1. Headless screenshot (first run: builds the bone cache in the new HOME; then a warm run).
seconds() { local start=$1; echo "$(( $(date +%s%N) - start ))" | awk '{printf "%.2f", $1 / 1e9}'; }
start=$(date +%s%N)
clean_env "$launcher" screenshot "$work/out/cli.png" --size 800x600 >/dev/null
cold=$(seconds "$start")
start=$(date +%s%N)
clean_env "$launcher" screenshot "$work/out/cli.png" --size 800x600 >/dev/null
warm=$(seconds "$start")
check_png "$work/out/cli.png"
echo "legatlas screenshot (800x600): $cold s first run, $warm s warm: ok"

# 2. The window under Xvfb, grabbed once its 3D view is drawn.
start_xvfb
clean_env DISPLAY="$display" "$launcher" >"$work/app.log" 2>&1 &
app_pid=$!
window=$("$grabber_python" "$root/scripts/grab_window.py" "$display" "$work/out/window.png" 120) \
  || { cat "$work/app.log" >&2; fail "the window never showed the leg"; }
kill -0 "$app_pid" 2>/dev/null || fail "the app exited: $(cat "$work/app.log")"
check_png "$work/out/window.png"
echo "window: 3D view drawn $window s after launch: ok"

# 3. Every Python the window runs is the bundle's own.
outside=$(grep -E 'libpython|\.cpython-|/python3' "/proc/$app_pid/maps" | awk '{print $6}' \
  | sort -u | grep -v "^$app_dir/" || true)
[ -z "$outside" ] || fail "the app loaded Python from outside its folder: $outside"
echo "python: only from the unpacked folder: ok"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

if [ "$compare" = 1 ]; then  # the same two timings for the pip install, same machine, same run
  pip_legatlas="$root/.venv/bin/legatlas"
  start=$(date +%s%N)
  clean_env LEGATLAS_CACHE="$work/home/.cache/legatlas" "$pip_legatlas" screenshot \
    "$work/out/pip.png" --size 800x600 >/dev/null
  echo "pip install: legatlas screenshot (800x600) warm: $(seconds "$start") s"
  start_xvfb
  clean_env DISPLAY="$display" "$pip_legatlas" >"$work/pip.log" 2>&1 &
  app_pid=$!
  window=$("$grabber_python" "$root/scripts/grab_window.py" "$display" "$work/out/pip-window.png" 120) \
    || fail "the pip install's window never showed the leg"
  echo "pip install: window 3D view drawn $window s after launch"
fi
if [ -n "${LEGATLAS_DIST_TEST_KEEP:-}" ]; then
  mkdir -p "$LEGATLAS_DIST_TEST_KEEP" && cp "$work"/out/*.png "$LEGATLAS_DIST_TEST_KEEP"/
  echo "screenshots copied to $LEGATLAS_DIST_TEST_KEEP"
fi
echo "dist-smoke-test: passed"
