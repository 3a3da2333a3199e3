#!/usr/bin/env bash
# Writes the machine's extra CA certificates (a TLS-intercepting proxy's, installed under
# /usr/local/share/ca-certificates) into one PEM bundle at $1 and prints how many files went in;
# exits 1, writing nothing, when the machine has none. Slipway's SLIPWAY_EXTRA_CA_FILE takes the
# bundle, so Maven and npm inside image builds reach their registries through such a proxy.
set -euo pipefail
shopt -s nullglob
cas=(/usr/local/share/ca-certificates/*.crt /usr/local/share/ca-certificates/*/*.crt)
[ ${#cas[@]} -gt 0 ] || exit 1
mkdir -p "$(dirname "$1")"
cat "${cas[@]}" > "$1"
echo "${#cas[@]}"
