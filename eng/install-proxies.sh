#!/usr/bin/env bash
# Installs the peer proxies the conformance runner measures (nginx, HAProxy, Caddy) and chromium for
# looking at the HTML report. Idempotent: only what is missing is installed, and nothing is started
# (the Debian packages' own services are stopped so they do not hold ports 80/443).
# Usage: eng/install-proxies.sh [--with-chromium]
set -euo pipefail

want=(nginx haproxy caddy)
if [ "${1:-}" = "--with-chromium" ]; then want+=(chromium); fi

missing=()
for pkg in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-proxies: already installed: ${want[*]}"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

echo "install-proxies: installing ${missing[*]}"
# policy-rc.d 101 keeps the packages' services from starting inside containers and CI machines.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
  "${sudo_cmd[@]}" chmod +x "$policy"
  created_policy=1
fi
trap '[ "$created_policy" -eq 1 ] && "${sudo_cmd[@]}" rm -f "$policy"' EXIT

if ! "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; then
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
echo "install-proxies: done"
