-- Writes for the load run: every request POSTs a new value to its own (indicator, year) slot of the
-- synthetic indicators SYN_00000… (111 years each, 1900–2010), so no two requests contend and every
-- answer must be 201. Threads take interleaved slots. Authorization and Content-Type come from -H.
dofile(os.getenv("WRK_STATS") or "reliability/wrk-stats.lua")

local base_setup = setup
local next_id = 0
function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  base_setup(thread)
end

local counter = 0
local thread_count = tonumber(os.getenv("WRK_THREADS") or "2")
local offset = tonumber(os.getenv("WRK_SLOT_OFFSET") or "0")

request = function()
  local slot = offset + thread_id + thread_count * counter
  counter = counter + 1
  local indicator = string.format("SYN_%05d", math.floor(slot / 111))
  local year = 1900 + slot % 111
  -- Made-up levels (0.5 after 999.5): confirmed against the plausibility rule, not what is measured here.
  local body = string.format('{"period":"%d","value":%d.5,"source":"load test","confirm":true}', year, slot % 1000)
  return wrk.format("POST", "/api/indicators/" .. indicator .. "/observations", nil, body)
end
