-- wrk script of `make bench` (ingest): POSTs the bodies in the files listed in $CA4_BENCH_BODIES (':'-separated),
-- in turn, with X-API-Key $CA4_BENCH_API_KEY (from the environment, so the key is not on a command line). Several
-- bodies with different embeddings, so that no compression gains from records repeating each other. Every answer
-- but 202 is counted: wrk itself counts only statuses >= 400. done() prints one JSON line, prefixed CA4_WRK.

local function slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local headers = { ["Content-Type"] = "application/json", ["X-API-Key"] = os.getenv("CA4_BENCH_API_KEY") }
local requests_ = {}
local next_ = 1

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non_202 = 0
  first_status = 0
  -- every request formatted once; each thread starts at a different body
  for path in string.gmatch(assert(os.getenv("CA4_BENCH_BODIES"), "CA4_BENCH_BODIES is not set"), "[^:]+") do
    table.insert(requests_, wrk.format("POST", nil, headers, slurp(path)))
  end
  next_ = math.random(#requests_)
end

function request()
  local r = requests_[next_]
  next_ = next_ % #requests_ + 1
  return r
end

function response(status, headers, body)
  if status ~= 202 then
    non_202 = non_202 + 1
    if first_status == 0 then first_status = status end
  end
end

function done(summary, latency, requests)
  local non, first = 0, 0
  for _, t in ipairs(threads) do
    non = non + t:get("non_202")
    if first == 0 then first = t:get("first_status") end
  end
  local e = summary.errors
  local function us(x) return math.floor(x + 0.5) end
  io.write(string.format(
    'CA4_WRK {"requests":%d,"duration_us":%d,"bytes":%d,"non_202":%d,"first_non_202_status":%d,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, non, first,
    e.connect, e.read, e.write, e.timeout,
    us(latency:percentile(50)), us(latency:percentile(90)), us(latency:percentile(99)), us(latency.max),
    us(latency.mean)))
end
