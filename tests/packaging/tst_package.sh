#!/usr/bin/env bash
# tst_package BUILD_DIR VERSION: cpack -G DEB, dpkg -x into a scratch root, then check what was
# installed and run weft-run from it (--version, validate on an installed example).
set -euo pipefail
build=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/weft_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no weft_*.deb produced"
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

dpkg-deb --info "$deb" >"$work/info"
grep -q "^ Package: weft$" "$work/info" || fail "package name is not weft"
grep -q "^ Version: $version" "$work/info" || fail "version is not $version"
grep -q "^ Depends:.*libqt6core6" "$work/info" || fail "Depends lacks the Qt libraries: $(grep Depends "$work/info")"
# weft-run and weft-studio are linked with jemalloc (WEFT_JEMALLOC, the default).
if grep -q '^WEFT_JEMALLOC:BOOL=ON' "$build/CMakeCache.txt"; then
    grep -q "^ Depends:.*libjemalloc2" "$work/info" || fail "Depends lacks libjemalloc2: $(grep Depends "$work/info")"
fi

root="$work/root"
dpkg -x "$deb" "$root"
for f in usr/bin/weft-run usr/bin/weft-mock usr/bin/weft-studio \
         usr/share/applications/weft-studio.desktop \
         usr/share/metainfo/io.weft.Studio.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.weft.Studio.svg \
         usr/share/icons/hicolor/48x48/apps/io.weft.Studio.png \
         usr/share/icons/hicolor/256x256/apps/io.weft.Studio.png \
         usr/share/man/man1/weft-run.1 \
         usr/lib/systemd/system/weft-run.service; do
    [ -e "$root/$f" ] || fail "the package lacks /$f"
done
file "$root/usr/share/icons/hicolor/48x48/apps/io.weft.Studio.png" | grep -q "48 x 48" \
    || fail "the 48x48 icon is not 48x48"
[ "$(ls "$root"/usr/share/weft/examples/*.weft.json | wc -l)" -eq 5 ] || fail "expected 5 examples"
grep -q "^ExecStart=/usr/bin/weft-run serve" "$root/usr/lib/systemd/system/weft-run.service" \
    || fail "the unit does not start weft-run serve"

if grep -q '^WEFT_JEMALLOC:BOOL=ON' "$build/CMakeCache.txt"; then
    for exe in weft-run weft-studio; do
        # Into a file first: with pipefail, grep -q leaving early would fail ldd with SIGPIPE.
        ldd "$root/usr/bin/$exe" >"$work/ldd-$exe"
        grep -q libjemalloc "$work/ldd-$exe" || fail "$exe is not linked with jemalloc"
    done
fi
out=$("$root/usr/bin/weft-run" --version)
[ "$out" = "weft-run $version" ] || fail "weft-run --version printed '$out'"
"$root/usr/bin/weft-run" validate --quiet "$root"/usr/share/weft/examples/*.weft.json \
    || fail "weft-run validate failed on the installed examples"
# Captured first: grep -q stops reading early, and under pipefail the writer's SIGPIPE would fail.
mock_help=$("$root/usr/bin/weft-mock" --help) || fail "weft-mock --help exited non-zero"
grep -q -- "--port" <<<"$mock_help" || fail "weft-mock --help does not list --port"
echo "OK: package installs and runs"
