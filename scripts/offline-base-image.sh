#!/usr/bin/env bash
# Makes the base image debian:trixie-slim without a registry: debootstrap a minimal
# trixie into a temporary folder and import it into Docker. Use it where Docker Hub is
# unreachable; elsewhere `docker pull debian:trixie-slim` does the same job.
set -euo pipefail

image=${1:-debian:trixie-slim}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image is already present"
  exit 0
fi
if docker pull "$image" >/dev/null 2>&1; then
  echo "$image pulled from the registry"
  exit 0
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  echo "debootstrap is missing; installing it (apt-get install debootstrap)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

root=$(mktemp -d /tmp/slipway-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
echo "Bootstrapping Debian trixie from $mirror into $root (about 30 s)"
debootstrap --variant=minbase trixie "$root" "$mirror" >/tmp/slipway-debootstrap.log 2>&1 || {
  echo "debootstrap failed; its log follows" >&2
  tail -20 /tmp/slipway-debootstrap.log >&2
  exit 1
}
# Keep the image slim, as the registry's -slim variant is.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
echo "Importing into Docker as $image"
tar -C "$root" -c . | docker import --change 'CMD ["bash"]' - "$image" >/dev/null
echo "$image is ready"
