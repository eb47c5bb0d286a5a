-- wrk script for bench/run: GET /api/dashboard with another as-of date on every request (a day further each time,
-- from 2030-01-01), so that no two requests share an entry of the dashboard's cache and each one is computed.
local n = 0
request = function()
  n = n + 1
  local day = os.date("!%Y-%m-%d", 1893456000 + (n % 20000) * 86400)
  return wrk.format(nil, "/api/dashboard?asOf=" .. day)
end
