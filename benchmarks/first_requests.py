"""Benchmark helper (not a test): wrk's latencies split into each URL's first request of
the run and the rest.

wrk reports one latency distribution. The events page's goal counts each URL's first
request too (it renders the page; every later one is a cache hit), so the wrk script here
also times each request itself (LuaJIT's FFI reads the monotonic clock), matches each
response to its request by the URL digest in its ETag (connections are not named in
wrk's scripts; requests of one URL in flight on one wrk thread are matched first in,
first out), and at the end says the p99 of all requests, of each URL's first request
(the earliest sent by any thread) and of the others.
"""

from __future__ import annotations

import hashlib

LUA = r"""
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } warledger_timespec;
int clock_gettime(int clk_id, warledger_timespec *tp);
]]
local clock = ffi.new("warledger_timespec")
local function now()
  ffi.C.clock_gettime(1, clock)  -- CLOCK_MONOTONIC, shared by wrk's threads
  return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) * 1e-9
end

paths = {%(paths)s}
ids = {%(ids)s}  -- each path's URL number
digests = {%(digests)s}  -- ETag digest -> URL number
counter = 0
waiting = {}  -- url number -> starts of its requests in flight, oldest first
starts, ends, urls = {}, {}, {}
threads = {}
urls_of = {}
for i, p in ipairs(paths) do urls_of[ids[i]] = p end
dump = "%(dump)s"

function setup(thread)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  local n = (counter %% #paths) + 1
  local queue = waiting[ids[n]]
  if queue == nil then queue = {}; waiting[ids[n]] = queue end
  table.insert(queue, now())
  return wrk.format("GET", paths[n])
end

response = function(status, headers, body)
  local etag = headers["etag"] or headers["ETag"] or ""
  local n = digests[string.match(etag, "%%-(%%x+)\"$") or ""]
  local queue = n and waiting[n]
  if queue and #queue > 0 then
    local started = table.remove(queue, 1)
    local i = #starts + 1
    starts[i], ends[i], urls[i] = started, now(), n
  end
end

local function percentile(values, share)
  if #values == 0 then return 0 end
  table.sort(values)
  return values[math.min(#values, math.floor(#values * share) + 1)]
end

function done(summary, latency, requests)
  local all, firsts, others, first_of = {}, {}, {}, {}
  local merged = {}
  for _, thread in ipairs(threads) do
    local s, e, u = thread:get("starts"), thread:get("ends"), thread:get("urls")
    for i = 1, #s do
      merged[#merged + 1] = {s[i], e[i], u[i]}
      if first_of[u[i]] == nil or s[i] < first_of[u[i]] then first_of[u[i]] = s[i] end
    end
  end
  for _, r in ipairs(merged) do
    local ms = (r[2] - r[1]) * 1000
    all[#all + 1] = ms
    if r[1] == first_of[r[3]] then firsts[#firsts + 1] = ms else others[#others + 1] = ms end
  end
  local nf = #firsts
  if dump ~= "" then  -- each request: sent (s into the run), ms, first?, URL
    local fh, t0 = io.open(dump, "w"), math.huge
    for _, r in ipairs(merged) do t0 = math.min(t0, r[1]) end
    for _, r in ipairs(merged) do
      local first = tostring(r[1] == first_of[r[3]])
      fh:write(string.format("%%.4f %%.1f %%s %%s\n", r[1] - t0, (r[2] - r[1]) * 1000, first,
                             urls_of[r[3]]))
    end
    fh:close()
  end
  io.write(string.format(
    "timed %%d; p99 %%.1f ms; first requests %%d: p50 %%.1f ms, p99 %%.1f ms, max %%.0f ms; "
    .. "the others: p99 %%.1f ms\n",
    #all, percentile(all, 0.99), nf, percentile(firsts, 0.5), percentile(firsts, 0.99),
    percentile(firsts, 1.0), percentile(others, 0.99)))
end
"""


def digest(path: str) -> str:
    """The URL digest the events page puts in its ETag (``pages._cached``)."""
    return hashlib.blake2b(path.encode(), digest_size=8).hexdigest()


def script(paths: list[str], dump: str = "") -> str:
    """The wrk script sending ``paths`` in turn and timing each URL's first request;
    with ``dump`` a file path, each request's timing is written there."""
    numbers: dict[str, int] = {}
    for path in paths:
        numbers.setdefault(path, len(numbers) + 1)
    return LUA % {
        "paths": ", ".join(f'"{p}"' for p in paths),
        "ids": ", ".join(str(numbers[p]) for p in paths),
        "dump": dump,
        "digests": ", ".join(
            f'["{digest(p if "?" in p else p + "?")}"] = {n}' for p, n in numbers.items()
        ),
    }


def breakdown(wrk_output: str) -> str:
    """The script's closing line: all requests, first requests and the rest."""
    return next(
        (line for line in wrk_output.splitlines() if line.startswith("timed ")), "not timed"
    )
