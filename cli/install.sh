#!/bin/sh
# Installs the slipway command for the current user, from the Slipway that served this script:
# the launcher as ~/.local/bin/slipway and its jar in ~/.local/share/slipway, where the launcher
# looks. Nothing is installed unless the downloaded command runs here, on a Java 21 or newer.
# Run it again to update. Usage: curl -fsSL <your Slipway>/cli/install.sh | sh
set -eu
server='@SLIPWAY_URL@'
bin_dir=$HOME/.local/bin
data_dir=${XDG_DATA_HOME:-$HOME/.local/share}/slipway

fail() {
  echo "slipway install: $*" >&2
  exit 1
}

fetch() { # url file
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL -o "$2" "$1" || fail "cannot download $1 (see above): is $server reachable from here?"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1" || fail "cannot download $1: is $server reachable from here?"
  else
    fail "needs curl or wget to download the command: sudo apt-get install -y curl"
  fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "Downloading the slipway command from $server ..."
fetch "$server/cli/slipway.jar" "$tmp/slipway.jar"
fetch "$server/cli/slipway" "$tmp/slipway"
chmod 755 "$tmp/slipway"

# The launcher runs the jar beside it: this checks Java 21 or newer and the download at once, and
# says what to install when Java is missing or too old. Not from stdin: under curl | sh, that is this script.
if ! version=$("$tmp/slipway" --version </dev/null); then
  fail "nothing was installed: the command does not run here (see above)"
fi

mkdir -p "$bin_dir" "$data_dir"
# Each file is moved into place whole, so a command running meanwhile never sees half a file.
cp "$tmp/slipway.jar" "$data_dir/slipway.jar.new"
mv -f "$data_dir/slipway.jar.new" "$data_dir/slipway.jar"
cp "$tmp/slipway" "$bin_dir/slipway.new"
chmod 755 "$bin_dir/slipway.new"
mv -f "$bin_dir/slipway.new" "$bin_dir/slipway"
echo "Installed $version as $bin_dir/slipway"

case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "$bin_dir is not on your PATH: add it (echo 'export PATH=\"\$HOME/.local/bin:\$PATH\"' >> ~/.profile), then open a new shell" ;;
esac
echo "Next: slipway login $server"
