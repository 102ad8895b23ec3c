-- wrk script: replays this thread's slice of a pre-generated event feed (bench/event_feed), so
-- no event repeats. Environment: COURTHUB_BENCH_FEED (prefix).
-- The requests are formatted once, before the run, and there is no response() callback: wrk
-- shares the two cores with the host, and Lua work per request would be taken from the host.
-- wrk's own summary counts the replies that were not 200 (run.sh derives the acknowledged ones).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  events = {}
  local f = assert(io.open(os.getenv("COURTHUB_BENCH_FEED") .. "." .. id, "r"))
  local headers = {["Content-Type"] = "application/json"}
  for line in f:lines() do
    local tab = line:find("\t", 1, true)
    events[#events + 1] = wrk.format("POST", line:sub(1, tab - 1), headers, line:sub(tab + 1))
  end
  f:close()
  sent, exhausted = 0, 0
end

function request()
  sent = sent + 1
  local e = events[sent]
  if e == nil then
    exhausted = exhausted + 1
    e = events[#events]  -- a duplicate: counted as exhausted and reported, never silently
  end
  return e
end

function done(summary, latency, requests)
  local total_sent, total_exhausted = 0, 0
  for _, t in ipairs(threads) do
    total_sent = total_sent + t:get("sent")
    total_exhausted = total_exhausted + t:get("exhausted")
  end
  -- Replies received: requests wrk saw answered (summary.requests), not the ones still in flight.
  io.write(string.format("REPLIED %d\nSENT %d\nEXHAUSTED %d\n", summary.requests, total_sent,
                         total_exhausted))
end
