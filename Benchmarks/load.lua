-- wrk script: a mixed load of what readers do all day. Each request is one of
--   read   GET /api/cables/{id}           (a copy: open, verify, audit entry)
--   search GET /api/search?q=WORD          (blind index, facets, snippets, audit entry)
--   inbox  GET /inbox                      (the web page: session, list, template, audit entry)
-- The token, the session cookie and the cable ID come from the environment (see load.sh), and
-- POUCH_SERVERS lists the servers ("host:port host:port"): wrk's threads take them in turn.
-- Answers are counted by kind (told apart by their bodies, since a thread's connections answer
-- out of order), and requests by kind as sent, so load.sh can hold the audit log to one entry per
-- answered request (at least one per answer, at most one per request sent).
local token = os.getenv("POUCH_TOKEN")
local cookie = os.getenv("POUCH_COOKIE")
local cable = os.getenv("POUCH_CABLE")
local words = { "helicopters", "cabinet", "border", "talks", "army", "review", "budget", "elections", "tariffs", "dam" }
local counter = 0
local threads = {}
local servers = {}
for server in string.gmatch(os.getenv("POUCH_SERVERS") or "", "%S+") do table.insert(servers, server) end

setup = function(thread)
  if #servers > 0 then
    local host, port = string.match(servers[(#threads % #servers) + 1], "^(.*):(%d+)$")
    thread.addr = wrk.lookup(host, port)[1]
  end
  table.insert(threads, thread)
end

init = function()
  read, search, inbox, other = 0, 0, 0, 0
  sent_read, sent_search, sent_inbox = 0, 0, 0
end

request = function()
  counter = counter + 1
  local kind = counter % 10
  if kind < 4 then
    sent_read = sent_read + 1
    return wrk.format("GET", "/api/cables/" .. cable, { ["Authorization"] = "Bearer " .. token })
  elseif kind < 7 then
    sent_search = sent_search + 1
    local word = words[(counter % #words) + 1]
    return wrk.format("GET", "/api/search?q=" .. word .. "&limit=10", { ["Authorization"] = "Bearer " .. token })
  else
    sent_inbox = sent_inbox + 1
    return wrk.format("GET", "/inbox", { ["Cookie"] = "pouch_session=" .. cookie })
  end
end

response = function(status, headers, body)
  if status ~= 200 then
    other = other + 1
  elseif string.sub(body, 1, 1) == "<" then
    inbox = inbox + 1
  elseif string.find(body, '"hits"', 1, true) then
    search = search + 1
  else
    read = read + 1
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  local counts = { read = 0, search = 0, inbox = 0, other = 0, sent_read = 0, sent_search = 0, sent_inbox = 0 }
  for _, thread in ipairs(threads) do
    for kind, _ in pairs(counts) do counts[kind] = counts[kind] + (thread:get(kind) or 0) end
  end
  io.write(string.format("requests        %d in %.1f s\n", summary.requests, summary.duration / 1e6))
  io.write(string.format("throughput      %.0f requests/s\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50     %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p99     %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max     %.2f ms\n", latency.max / 1000))
  io.write(string.format("socket errors   connect %d, read %d, write %d, timeout %d\n", errors.connect, errors.read, errors.write, errors.timeout))
  io.write(string.format("non-2xx/3xx     %d\n", errors.status))
  io.write(string.format("answered 200    read %d, search %d, inbox %d; other statuses %d\n", counts.read, counts.search, counts.inbox, counts.other))
  -- Requests still in flight when the run ends are answered (and audited) after wrk stops counting.
  io.write(string.format("sent            read %d, search %d, inbox %d\n", counts.sent_read, counts.sent_search, counts.sent_inbox))
end
