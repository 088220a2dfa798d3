-- wrk script: a mixed load of what readers do all day. Each request is one of
--   read   GET /api/cables/{id}           (a copy: open, verify, audit entry)
--   search GET /api/search?q=WORD          (blind index, facets, snippets, audit entry)
--   inbox  GET /inbox                      (the web page: session, list, template)
-- The token, the session cookie and the cable ID come from the environment (see load.sh).
local token = os.getenv("POUCH_TOKEN")
local cookie = os.getenv("POUCH_COOKIE")
local cable = os.getenv("POUCH_CABLE")
local words = { "helicopters", "cabinet", "border", "talks", "army", "review", "budget", "elections", "tariffs", "dam" }
local counter = 0

request = function()
  counter = counter + 1
  local kind = counter % 10
  if kind < 4 then
    return wrk.format("GET", "/api/cables/" .. cable, { ["Authorization"] = "Bearer " .. token })
  elseif kind < 7 then
    local word = words[(counter % #words) + 1]
    return wrk.format("GET", "/api/search?q=" .. word .. "&limit=10", { ["Authorization"] = "Bearer " .. token })
  else
    return wrk.format("GET", "/inbox", { ["Cookie"] = "pouch_session=" .. cookie })
  end
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests        %d in %.1f s\n", summary.requests, summary.duration / 1e6))
  io.write(string.format("throughput      %.0f requests/s\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50     %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p99     %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max     %.2f ms\n", latency.max / 1000))
  io.write(string.format("socket errors   connect %d, read %d, write %d, timeout %d\n", errors.connect, errors.read, errors.write, errors.timeout))
  io.write(string.format("non-2xx/3xx     %d\n", errors.status))
end
