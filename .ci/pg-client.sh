#!/usr/bin/env bash
# Makes pg_dump/pg_restore of PostgreSQL 18 available for the backup test (BackupRestoreIT) and prints their bin
# folder. Debian bookworm's own client is 15, which refuses an 18 server, and the embedded server ships none; so
# this builds only the client tools from Debian's own postgresql-18 source package (fetched with apt-get source
# from deb.debian.org, the Debian archive), once, into ~/.cache/thaw/pg18 (about two minutes on two cores).
set -euo pipefail
dest="${THAW_PG_BIN_CACHE:-$HOME/.cache/thaw/pg18}"
if [ -x "$dest/bin/pg_dump" ] && "$dest/bin/pg_dump" --version | grep -q " 18\."; then
  echo "$dest/bin"; exit 0
fi
if command -v pg_dump >/dev/null && pg_dump --version | grep -Eq " (1[89]|[2-9][0-9])\."; then
  dirname "$(readlink -f "$(command -v pg_dump)")"; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/sid.sources" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
apt_opts=(-o "Dir::Etc::sourcelist=$work/sid.sources" -o Dir::Etc::sourceparts=/dev/null
          -o "Dir::State::Lists=$work/lists" -o APT::Sandbox::User=root)
mkdir -p "$work/lists/partial"
missing=()
for tool in gcc make bison flex dpkg-source; do command -v "$tool" >/dev/null || missing+=("$tool"); done
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq >&2
  apt-get install -y -qq gcc make bison flex zlib1g-dev dpkg-dev >/dev/null
fi
apt-get "${apt_opts[@]}" update -qq >&2
(cd "$work" && apt-get "${apt_opts[@]}" source --download-only -qq postgresql-18 >&2)
tar -xjf "$work"/postgresql-18_*.orig.tar.bz2 -C "$work"
src="$(find "$work" -maxdepth 1 -type d -name 'postgresql-18*' | head -1)"
(cd "$src" && ./configure --prefix="$dest" --without-icu --without-readline --without-openssl --without-gssapi \
   --without-ldap --without-perl --without-python --without-tcl --without-libxml --without-zstd --without-lz4 \
   >/dev/null)
jobs="$(nproc)"
make -s -C "$src/src/include" -j"$jobs" >&2
make -s -C "$src/src/common" -j"$jobs" >&2
make -s -C "$src/src/port" -j"$jobs" >&2
make -s -C "$src/src/interfaces/libpq" -j"$jobs" >&2
make -s -C "$src/src/fe_utils" -j"$jobs" >&2
make -s -C "$src/src/bin/pg_dump" -j"$jobs" >&2
make -s -C "$src/src/bin/pg_dump" install >&2
make -s -C "$src/src/interfaces/libpq" install >&2
"$dest/bin/pg_dump" --version >&2
echo "$dest/bin"
