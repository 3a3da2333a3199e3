#!/bin/sh
# Adds the certificates of a PEM bundle to the OS trust store. update-ca-certificates takes one
# certificate per .crt file, so the bundle is split first. An empty bundle changes nothing.
set -eu
bundle=$1
[ -s "$bundle" ] || exit 0
dir=/usr/local/share/ca-certificates/slipway
mkdir -p "$dir"
awk -v dir="$dir" '
  /-----BEGIN CERTIFICATE-----/ { n++; file = sprintf("%s/extra-%03d.crt", dir, n) }
  file != "" { print > file }
  /-----END CERTIFICATE-----/ { close(file); file = "" }
' "$bundle"
update-ca-certificates
