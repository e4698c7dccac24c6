# Sourced by the bench scripts.

# listening_port LOG PID: the port a `serve --port 0` started as PID announces in LOG, once it has (up to 60 s);
# nothing, with LOG on stderr, if the process ends or the time runs out first.
listening_port() {
  local log=$1 pid=$2 port=""
  for _ in $(seq 1 600); do
    port=$(sed -n 's|.*listening on http://[^:]*:\([0-9]*\).*|\1|p' "$log" | head -1)
    [[ -n "$port" ]] && { echo "$port"; return 0; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$log" >&2
  return 1
}
