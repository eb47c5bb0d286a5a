-- The floods of bench/security, one per SEC_FLOOD_KIND:
--   anonymous  GET /api/me with no credentials (401): the floor of any flood of requests
--   passwords  POST /j_security_check for admin, a different wrong password each time (401, then 429 once the
--              throttle refuses the pair, the user name or the client)
-- Prints "FLOOD requests=… 401=… 429=… other=… rps=…".
local kind = os.getenv("SEC_FLOOD_KIND") or "passwords"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  s401, s429, other, n = 0, 0, 0, 0
end

-- SEC_FLOOD_DELAY_MS paces each connection (a pause before each request), for a flood at a given rate.
local pause = tonumber(os.getenv("SEC_FLOOD_DELAY_MS") or "")
if pause then
  function delay()
    return pause
  end
end

request = function()
  n = n + 1
  if kind == "anonymous" then
    return wrk.format("GET", "/api/me", { ["X-Requested-With"] = "fetch" })
  end
  local body = string.format("j_username=admin&j_password=wrong-password-%d-%d", math.random(1000000), n)
  return wrk.format("POST", "/j_security_check", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status == 401 then
    s401 = s401 + 1
  elseif status == 429 then
    s429 = s429 + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("s401")
    b = b + t:get("s429")
    c = c + t:get("other")
  end
  io.write(string.format("FLOOD requests=%d 401=%d 429=%d other=%d rps=%.0f\n", summary.requests, a, b, c,
    summary.requests / (summary.duration / 1e6)))
end
