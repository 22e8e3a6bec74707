#!/usr/bin/env bash
# Steady throughput of HotReload beside stock YARP and nginx, the way issue 13 asks: each proxy in its own
# process, wrk with 1 thread and 32 connections, the same route and header transforms, one nginx upstream,
# targets alternated round by round in one run. Besides requests per second it reports each proxy's own CPU
# time per request (user + system, from /proc), which a busy machine disturbs far less than the rate.
# Targets: hotreload and yarp as they ship (default logging: YARP then writes two Information lines per
# request, as its project template does), yarp-quiet (YARP with logging at Warning, its best case) and nginx.
#
# usage: bash tests/Benchmarks/wrk-throughput.sh [--seconds 8] [--rounds 3] [--connections 32] [--out artifacts/benchmarks]
# needs: wrk and nginx (apt-get install -y wrk nginx-light); builds the proxy and the YARP host in Release.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=8 rounds=3 connections=32 out=artifacts/benchmarks
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "unknown option $1 (known: --seconds --rounds --connections --out)" >&2; exit 2 ;;
  esac
done
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y wrk nginx-light" >&2; exit 2; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/HotReloadProxy -c Release -v q -nologo >/dev/null
dotnet build tools/Conformance.YarpHost -c Release -v q -nologo >/dev/null

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
  echo "nothing listens on port $1" >&2; exit 1
}
# CPU time (clock ticks) of a process and its threads; for nginx, of the master and its workers.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    read -r -a stat < "/proc/$pid/stat"
    total=$((total + stat[13] + stat[14]))
  done
  echo "$total"
}

upstream_port=$(free_port); hot_port=$(free_port); admin_port=$(free_port); yarp_port=$(free_port); quiet_port=$(free_port); nginx_port=$(free_port)
upstream="http://127.0.0.1:$upstream_port"

mkdir -p "$work/upstream/logs" "$work/nginx/logs"
cat > "$work/upstream/nginx.conf" <<EOF
worker_processes 1; daemon off; error_log stderr warn; pid $work/upstream/nginx.pid;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$upstream_port; location / { return 200 "ok"; } } }
EOF
cat > "$work/nginx/nginx.conf" <<EOF
worker_processes 1; daemon off; error_log stderr warn; pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  upstream backend { server 127.0.0.1:$upstream_port; keepalive 64; }
  server { listen 127.0.0.1:$nginx_port;
    location /echo/ { proxy_pass $upstream; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header X-Config-Version 1; add_header X-Config-Version 1 always; } }
}
EOF
cat > "$work/proxy.json" <<EOF
{ "routes": [ { "id": "echo", "match": { "path": "/echo/{**rest}" }, "cluster": "upstream",
    "transforms": { "requestHeaders": { "X-Config-Version": "1" }, "responseHeaders": { "X-Config-Version": "1" } } } ],
  "clusters": { "upstream": { "destinations": { "d1": { "address": "$upstream" } } } } }
EOF
sed -e 's/{{#drainRoute}}.*{{\/drainRoute}}//' -e 's/{{version}}/1/g' -e "s|{{upstream}}|$upstream|" conformance/profiles/yarp.json.tmpl > "$work/yarp.json"

nginx -p "$work/upstream/" -c "$work/upstream/nginx.conf" 2>"$work/upstream.log" & pids+=($!)
wait_port "$upstream_port"
dotnet src/HotReloadProxy/bin/Release/net10.0/HotReloadProxy.dll --config "$work/proxy.json" \
  --urls "http://127.0.0.1:$hot_port" --admin-urls "http://127.0.0.1:$admin_port" >"$work/hotreload.log" 2>&1 & hot_pid=$!; pids+=($hot_pid)
dotnet tools/Conformance.YarpHost/bin/Release/net10.0/HotReload.Conformance.YarpHost.dll --config "$work/yarp.json" \
  --urls "http://127.0.0.1:$yarp_port" >"$work/yarp.log" 2>&1 & yarp_pid=$!; pids+=($yarp_pid)
Logging__LogLevel__Default=Warning dotnet tools/Conformance.YarpHost/bin/Release/net10.0/HotReload.Conformance.YarpHost.dll --config "$work/yarp.json" \
  --urls "http://127.0.0.1:$quiet_port" >"$work/yarp-quiet.log" 2>&1 & quiet_pid=$!; pids+=($quiet_pid)
nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf" 2>"$work/nginx.log" & pids+=($!)
wait_port "$hot_port"; wait_port "$yarp_port"; wait_port "$quiet_port"; wait_port "$nginx_port"
nginx_pids() { echo "$(cat "$work/nginx/nginx.pid") $(pgrep -P "$(cat "$work/nginx/nginx.pid")" | tr '\n' ' ')"; }

targets=(hotreload yarp yarp-quiet nginx)
declare -A port=([hotreload]=$hot_port [yarp]=$yarp_port [yarp-quiet]=$quiet_port [nginx]=$nginx_port)
target_pids() { case "$1" in hotreload) echo "$hot_pid" ;; yarp) echo "$yarp_pid" ;; yarp-quiet) echo "$quiet_pid" ;; nginx) nginx_pids ;; esac; }
ticks_per_second=$(getconf CLK_TCK)

# Warm-up: the JIT's tiered compilation settles before anything is counted.
for target in "${targets[@]}"; do
  wrk -t1 -c"$connections" -d3s "http://127.0.0.1:${port[$target]}/echo/x" >/dev/null
done

mkdir -p "$out"
results="$out/wrk-throughput.tsv"
printf 'round\ttarget\trps\tcpu_us_per_request\tp50\tp99\tnon2xx\tload\n' > "$results"
for round in $(seq 1 "$rounds"); do
  for target in "${targets[@]}"; do
    # shellcheck disable=SC2046
    before=$(cpu_ticks $(target_pids "$target"))
    report=$(wrk -t1 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:${port[$target]}/echo/x")
    # shellcheck disable=SC2046
    after=$(cpu_ticks $(target_pids "$target"))
    requests=$(awk '/requests in/ {print $1}' <<<"$report")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
    p50=$(awk '$1=="50%" {print $2}' <<<"$report")
    p99=$(awk '$1=="99%" {print $2}' <<<"$report")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$report"); non2xx=${non2xx:-0}
    cpu_us=$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$requests" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
    load=$(cut -d' ' -f1 /proc/loadavg)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$target" "$rps" "$cpu_us" "$p50" "$p99" "$non2xx" "$load" | tee -a "$results"
  done
done

# Medians over the rounds, and the ratios the issue asks for.
python3 - "$results" "$out/wrk-throughput.md" "$seconds" "$connections" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
med = lambda t, k: statistics.median(float(r[k]) for r in rows if r['target'] == t)
targets = ['hotreload', 'yarp', 'yarp-quiet', 'nginx']
lines = [f"wrk -t1 -c{sys.argv[4]} -d{sys.argv[3]}s, {len(rows)//len(targets)} alternating rounds; medians; load average during the runs: "
         + ", ".join(sorted({r['load'] for r in rows})), "",
         "| target | requests/s | CPU us per request (proxy process) | p50 | p99 | non-2xx |", "|---|---|---|---|---|---|"]
for t in targets:
    lines.append(f"| {t} | {med(t,'rps'):,.0f} | {med(t,'cpu_us_per_request'):.1f} | "
                 + " / ".join(r['p50'] for r in rows if r['target']==t) + " | "
                 + " / ".join(r['p99'] for r in rows if r['target']==t) + " | "
                 + str(sum(int(r['non2xx']) for r in rows if r['target']==t)) + " |")
ratio = lambda other: (f"HotReload / {other}: {med('hotreload','rps')/med(other,'rps'):.2f}x requests/s, "
                       f"{med(other,'cpu_us_per_request')/med('hotreload','cpu_us_per_request'):.2f}x less CPU per request")
lines += ["", ratio('yarp') + " (YARP as it ships: two Information log lines per request)",
          ratio('yarp-quiet') + " (YARP with logging at Warning)",
          ratio('nginx')]
open(sys.argv[2], 'w').write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
