-- wrk script for `make soak`: rotates through SOAK_PATHS (comma-separated), optionally sends
-- SOAK_COOKIE, counts answers by status and prints one "SOAK_RESULT {json}" line at the end.
local paths = {}
for path in string.gmatch(os.getenv("SOAK_PATHS") or "/healthz", "[^,]+") do
  table.insert(paths, path)
end
local cookie = os.getenv("SOAK_COOKIE") or ""

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  counter = 0
end

function request()
  counter = counter + 1
  local headers = {}
  if cookie ~= "" then
    headers["Cookie"] = cookie
  end
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do
      total[code] = (total[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(total) do
    table.insert(parts, string.format('"%d": %d', code, n))
  end
  local e = summary.errors
  io.write(string.format(
    'SOAK_RESULT {"requests": %d, "duration_s": %.3f, "socket_errors": {"connect": %d, '
      .. '"read": %d, "write": %d, "timeout": %d}, "latency_ms": {"p50": %.1f, "p90": %.1f, '
      .. '"p99": %.1f, "max": %.1f}, "statuses": {%s}}\n',
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, table.concat(parts, ", ")
  ))
end
