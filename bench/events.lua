-- wrk script: replays this thread's slice of a pre-generated event feed (bench/event_feed), so
-- no event repeats; counts the acknowledged ones. Environment: COURTHUB_BENCH_FEED (prefix).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  events = {}
  local f = assert(io.open(os.getenv("COURTHUB_BENCH_FEED") .. "." .. id, "r"))
  for line in f:lines() do
    local tab = line:find("\t", 1, true)
    events[#events + 1] = {line:sub(1, tab - 1), line:sub(tab + 1)}
  end
  f:close()
  sent, acked, exhausted = 0, 0, 0
  headers = {["Content-Type"] = "application/json"}
end

function request()
  sent = sent + 1
  local e = events[sent]
  if e == nil then
    exhausted = exhausted + 1
    e = events[#events]  -- a duplicate: counted as exhausted and reported, never silently
  end
  return wrk.format("POST", e[1], headers, e[2])
end

function response(status, headers, body)
  if status == 200 then acked = acked + 1 end
end

function done(summary, latency, requests)
  local total_acked, total_sent, total_exhausted = 0, 0, 0
  for _, t in ipairs(threads) do
    total_acked = total_acked + t:get("acked")
    total_sent = total_sent + t:get("sent")
    total_exhausted = total_exhausted + t:get("exhausted")
  end
  io.write(string.format("ACKED %d\nSENT %d\nEXHAUSTED %d\n", total_acked, total_sent,
                         total_exhausted))
end
