#!/bin/sh
# Puts /etc/nginx/slipway/routes.next.conf in place if nginx accepts it, then reloads gracefully:
# old workers finish their requests while new ones take the new routes. A config nginx refuses
# leaves the running one untouched. Returns once every old worker has stopped accepting connections
# and closed its idle ones, so no request after this answers from the previous routes.
# Slipway uses it for the first routes after it starts; later ones it puts in place itself and
# signals nginx's master, whose own reading of them is the test.
set -eu
cd /etc/nginx/slipway
cp routes.conf routes.previous.conf
mv routes.next.conf routes.conf
if ! nginx -t -q 2>/tmp/nginx-test.log; then
  mv routes.previous.conf routes.conf
  cat /tmp/nginx-test.log >&2
  exit 1
fi

accepting_workers() {
  for cmdline in /proc/[0-9]*/cmdline; do
    title=$( { tr '\0' ' ' < "$cmdline"; } 2>/dev/null) || continue
    case "$title" in
      "nginx: worker process "|"nginx: worker process") echo "${cmdline%/cmdline}" ;;
    esac
  done
}

old=$(accepting_workers)
nginx -s reload
# A worker renames itself "worker process is shutting down" as it closes its listening sockets.
for _ in $(seq 1 1000); do
  pending=
  for worker in $old; do
    case "$( { tr '\0' ' ' < "$worker/cmdline"; } 2>/dev/null || true)" in
      "nginx: worker process "|"nginx: worker process") pending=1 ;;
    esac
  done
  [ -z "$pending" ] && exit 0
  sleep 0.01
done
# A worker that long in a request still shuts down; the new routes are in place either way.
echo "Old nginx workers still accept connections 10 s after the reload" >&2
