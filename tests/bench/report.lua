-- wrk script: at the end of a run, one line of JSON with what make bench
-- reports (tests/bench/bench.py reads it): requests, errors, latency
-- percentiles in microseconds.  With arguments (after --) it sends POSTs
-- instead of GETs: a file whose bytes are the body, and the content
-- type; each occurrence of the 64 characters KEYKEYKEY...KEY in the body
-- becomes a fresh random key (64 hex digits) in every request, so that a
-- form's one-time key is new each time.
local body_prefix, body_suffix, ctype
local placeholder = string.rep("K", 64)

function init(args)
	if args[1] == nil then
		return
	end
	local f = assert(io.open(args[1], "rb"))
	local body = f:read("*a")
	f:close()
	ctype = args[2]
	local i, j = string.find(body, placeholder, 1, true)
	if i then
		body_prefix, body_suffix = body:sub(1, i - 1), body:sub(j + 1)
	else
		body_prefix, body_suffix = body, nil
	end
	math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

local hexdigits = "0123456789abcdef"

local function key()
	local t = {}
	for i = 1, 64 do
		local n = math.random(1, 16)
		t[i] = hexdigits:sub(n, n)
	end
	return table.concat(t)
end

function request()
	if body_prefix == nil then
		return wrk.format(nil, nil)
	end
	local body = body_prefix
	if body_suffix ~= nil then
		body = body_prefix .. key() .. body_suffix
	end
	-- wrk.format takes these headers instead of wrk.headers (-H): both.
	local h = { ["Content-Type"] = ctype }
	for name, value in pairs(wrk.headers) do
		h[name] = value
	end
	return wrk.format("POST", nil, h, body)
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format('BENCH {"requests": %d, "duration_us": %d, ' ..
	    '"connect": %d, "read": %d, "write": %d, "status": %d, ' ..
	    '"timeout": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d}\n',
	    summary.requests, summary.duration, e.connect, e.read, e.write,
	    e.status, e.timeout, latency:percentile(50),
	    latency:percentile(95), latency:percentile(99), latency.max))
end
