-- wrk script: realistic announce load. Each request is one peer of the benchmark population
-- (bench/population.ts writes the file) announcing to its torrent: compact=1, numwant=50, counters
-- that grow between announces, and an event mix of ~2% started, ~1% completed, ~1% stopped and the
-- rest periodic (no event). Usage: wrk ... -s announce.lua URL -- <population file> <threads> <seed>
-- Threads split the peers (peer i belongs to thread i mod threads), so each peer's state is
-- kept by exactly one thread.

local PIECE = 16384
local MiB = 1048576

local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

local info_hash, peer_torrent, peer_id, port, key = {}, {}, {}, {}, {}
local left, uploaded, downloaded, active = {}, {}, {}, {}
local count = 0
local suffix

function init(args)
  local file = assert(io.open(args[1], "r"))
  local nthreads = tonumber(args[2])
  math.randomseed(tonumber(args[3]) + tid)
  local n = 0
  for line in file:lines() do
    local kind = line:sub(1, 1)
    if kind == "T" then
      table.insert(info_hash, line:sub(3))
    elseif kind == "P" then
      if n % nthreads == tid then
        local t, pid, p, k, _, l, up, down =
          line:match("^P (%d+) (%S+) (%d+) (%S+) (%d+) (%d+) (%d+) (%d+)$")
        count = count + 1
        local i = count
        peer_torrent[i] = tonumber(t)
        peer_id[i], port[i], key[i] = pid, p, k
        left[i], uploaded[i], downloaded[i] = tonumber(l), tonumber(up), tonumber(down)
        active[i] = true -- the tracker was filled with every peer's `started`
      end
      n = n + 1
    end
  end
  file:close()
  -- Headers of a real client (Transmission); wrk adds nothing else.
  suffix = " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
    "\r\nUser-Agent: Transmission/4.0.6\r\nAccept: */*\r\n\r\n"
  started, completed, stopped, periodic = 0, 0, 0, 0
end

-- A whole number of pieces up to `max` bytes.
local function some(max)
  return math.floor(math.random() * max / PIECE) * PIECE
end

local function progress(i)
  if left[i] > PIECE then
    -- progress, but never the last piece: finishing is announced with `completed`
    local got = math.min(some(64 * MiB), left[i] - PIECE)
    left[i], downloaded[i] = left[i] - got, downloaded[i] + got
  end
  uploaded[i] = uploaded[i] + some(32 * MiB)
  periodic = periodic + 1
  return ""
end

function request()
  local i = math.random(count)
  local r = math.random()
  local event
  if not active[i] then
    -- a peer that stopped comes back with `started`
    event, active[i] = "&event=started", true
    started = started + 1
  elseif r < 0.02 then
    -- a client restart: the counters of the new session start from zero (pitfall 5)
    event, uploaded[i], downloaded[i] = "&event=started", 0, 0
    started = started + 1
  elseif r < 0.03 then
    if left[i] > 0 then
      event, downloaded[i], left[i] = "&event=completed", downloaded[i] + left[i], 0
      completed = completed + 1
    else
      event = progress(i) -- seeders have nothing to complete
    end
  elseif r < 0.04 then
    event, active[i] = "&event=stopped", false
    stopped = stopped + 1
  else
    event = progress(i)
  end
  return "GET /announce?info_hash=" .. info_hash[peer_torrent[i]] ..
    "&peer_id=" .. peer_id[i] .. "&port=" .. port[i] ..
    string.format("&uploaded=%.0f&downloaded=%.0f&left=%.0f", uploaded[i], downloaded[i], left[i]) ..
    "&corrupt=0&key=" .. key[i] .. "&compact=1&numwant=50" .. event .. suffix
end

function done(summary, latency, requests)
  local events = { started = 0, completed = 0, stopped = 0, periodic = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(events) do
      events[name] = events[name] + (thread:get(name) or 0)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d},' ..
    '"events":{"started":%d,"completed":%d,"stopped":%d,"periodic":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    events.started, events.completed, events.stopped, events.periodic))
end
