-- wrk script: every wrk thread walks its share of simulated people through their conversations.
--
-- Input (env BENCH_REQUESTS): one request per line, made by bench/conversations.py, tab-separated:
--   person  key  path  header-name  header-value  content-type  body
-- Lines of one person are consecutive and in conversation order. Thread t of n takes the people
-- with person % n == t. Each thread keeps BENCH_ACTIVE people "in conversation" at once and sends
-- for them in turn, so one person's next message follows their previous one by BENCH_ACTIVE
-- requests of the same thread (by then answered: each wrk connection has one request in flight,
-- and BENCH_ACTIVE is many times the connections per thread). A person who is done is replaced by
-- the next one; a thread with nobody left stops. The count is bounded by the file, the time by -d.
--
-- Output (env BENCH_SENDLOG): per thread a file BENCH_SENDLOG.<t> with "key<TAB>unix-seconds" per
-- request, the wall-clock time the request was built (just before it is written to the socket).
--
-- Optional BENCH_DELAY_MS: each connection waits this long before each request (a paced, lighter load).
-- Optional BENCH_RATE: requests a second for the whole run on a fixed schedule (each thread its share),
-- whatever the answers' latency, as long as a connection is free: the k-th request of a thread is due
-- k intervals after its first (a late one goes at once). BENCH_DELAY_MS adds its wait on top of the
-- latency, so the rate it gives falls as the app slows down.
-- Optional BENCH_ARRIVALS=independent: BENCH_DELAY_MS is the mean of an exponential wait instead of a
-- fixed one. Fixed waits keep the connections in step: ingest answers a burst of webhooks with one
-- commit, so every connection waits the same time after the same answer and sends again at the same
-- instant, and the app gets bursts of up to one webhook per connection. People write independently
-- of each other: exponential waits (a Poisson process per connection) take the step away, same mean.

local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now()
  ffi.C.clock_gettime(0, ts)
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    table.insert(fields, field)
  end
  return fields
end

local queue, active, nactive, cursor, log, delay_ms, interval_ms, due_ms, independent

function init(args)
  local nthreads = tonumber(os.getenv("BENCH_THREADS"))
  local path = os.getenv("BENCH_REQUESTS")
  local want = tonumber(os.getenv("BENCH_ACTIVE") or "64")
  delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
  independent = os.getenv("BENCH_ARRIVALS") == "independent"
  math.randomseed(1000 + tid)
  local rate = tonumber(os.getenv("BENCH_RATE") or "0")
  if rate > 0 then
    interval_ms = 1000 * nthreads / rate
  end
  local people = {}
  local order = {}
  for line in io.lines(path) do
    local f = split(line)
    local person = tonumber(f[1])
    if person % nthreads == tid then
      local list = people[person]
      if list == nil then
        list = {}
        people[person] = list
        table.insert(order, person)
      end
      local headers = {}
      headers[f[4]] = f[5]
      headers["Content-Type"] = f[6]
      table.insert(list, { key = f[2], req = wrk.format("POST", f[3], headers, f[7]) })
    end
  end
  queue = {}
  for i, person in ipairs(order) do
    queue[i] = { msgs = people[person], pos = 1 }
  end
  queue.head = 1
  active = {}
  nactive = 0
  for i = 1, want do
    local p = queue[queue.head]
    if p == nil then break end
    queue.head = queue.head + 1
    active[i] = p
    nactive = i
  end
  cursor = 0
  log = io.open(os.getenv("BENCH_SENDLOG") .. "." .. tid, "w")
  -- One write per request: nothing is lost when wrk exits at the end of -d.
  log:setvbuf("line")
end

function delay()
  if interval_ms == nil then
    if independent then
      return math.floor(-delay_ms * math.log(1 - math.random()) + 0.5)
    end
    return delay_ms
  end
  local t = now() * 1000
  if due_ms == nil then
    due_ms = t
  end
  due_ms = due_ms + interval_ms
  return math.max(0, math.floor(due_ms - t))
end

function request()
  for _ = 1, nactive do
    cursor = cursor % nactive + 1
    local p = active[cursor]
    if p ~= nil then
      local m = p.msgs[p.pos]
      p.pos = p.pos + 1
      if p.pos > #p.msgs then
        active[cursor] = queue[queue.head]
        queue.head = queue.head + 1
      end
      log:write(m.key, "\t", string.format("%.6f", now()), "\n")
      return m.req
    end
  end
  -- Nobody left in this thread: flush the log and stop (the connection sends one harmless GET).
  wrk.thread:stop()
  return wrk.format("GET", "/healthz")
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body:sub(1, 80) .. "\n")
  end
end

function done(summary, latency, requests)
  io.write(string.format("BENCH_WRK requests=%d duration_us=%d errors_status=%d errors_timeout=%d " ..
    "errors_connect=%d errors_read=%d errors_write=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.timeout,
    summary.errors.connect, summary.errors.read, summary.errors.write,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
