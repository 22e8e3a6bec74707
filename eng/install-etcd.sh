#!/usr/bin/env bash
# Installs a real etcd (Debian etcd-server 3.4) for the etcd source's tests, only when it is missing.
# Idempotent: a machine that already has etcd on PATH is left alone.
set -euo pipefail
if command -v etcd >/dev/null 2>&1; then
  echo "etcd already installed: $(etcd --version | head -1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
# The package starts an etcd service on the default ports where systemd runs; the tests never use it.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq etcd-server etcd-client
etcd --version | head -1
