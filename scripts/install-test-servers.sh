#!/usr/bin/env bash
# Installs the Debian packages whose servers the integration tests start on loopback, when missing.
# Each entry: a binary to look for, and the package that provides it.
set -euo pipefail

needed=(
  "influxd influxdb"
  "snmpd snmpd"
  "snmpwalk snmp"
  "snmpsimd snmpsim"
  "ping iputils-ping"
  "prometheus-alertmanager prometheus-alertmanager"
  "dockerd docker.io"
  "busybox busybox-static"
  "redis-server redis-server"
  "ipmi_sim openipmi"
  "ipmitool ipmitool"
)

missing=()
for entry in "${needed[@]}"; do
  bin=${entry%% *}
  pkg=${entry##* }
  if ! command -v "$bin" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$bin" ]; then
    missing+=("$pkg")
  fi
done

# PostgreSQL's server binaries live under /usr/lib/postgresql/<version>/bin, off the PATH.
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
  missing+=(postgresql)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing the test servers' packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "Not root and no sudo: install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The packages start their services; the tests run their own instances, so stop these.
for svc in influxdb snmpd postgresql prometheus-alertmanager docker containerd redis-server openipmi; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    $SUDO systemctl stop "$svc" || true
  fi
  if command -v service >/dev/null 2>&1; then
    $SUDO service "$svc" stop >/dev/null 2>&1 || true
  fi
done
echo "Installed: ${missing[*]}"
