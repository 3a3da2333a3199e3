#!/bin/sh
# Puts /etc/nginx/slipway/routes.next.conf in place if nginx accepts it, then reloads gracefully:
# old workers finish their requests while new ones take the new routes. A config nginx refuses
# leaves the running one untouched.
set -eu
cd /etc/nginx/slipway
cp routes.conf routes.previous.conf
mv routes.next.conf routes.conf
if ! nginx -t -q 2>/tmp/nginx-test.log; then
  mv routes.previous.conf routes.conf
  cat /tmp/nginx-test.log >&2
  exit 1
fi
nginx -s reload
