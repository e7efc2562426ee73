-- wrk script: at the end of a run, one line of JSON with what make bench
-- reports (tests/bench/bench.py reads it): requests, errors, latency
-- percentiles in microseconds.  With arguments (after --) it sends POSTs
-- instead of GETs: a file whose bytes are the body, and the content
-- type; each occurrence of the 64 characters KEYKEYKEY...KEY in the body
-- becomes a fresh random key (64 hex digits) in every request, so that a
-- form's one-time key is new each time.  A third argument names a file of
-- account names, one a line: the first occurrence of ACCOUNT in the body
-- becomes the next of them in every request, so that many accounts sign
-- in, not one.  A POST run counts its answers by status class (2xx and
-- 3xx, 4xx, 5xx) and by status, over every thread: the report says how
-- many requests did what was asked.
local body_prefix, body_suffix, ctype
local placeholder = string.rep("K", 64)
local accounts, next_account = nil, 0
-- A global: the main thread reads each thread's with thread:get.
status_counts = { ok = 0, c4xx = 0, c5xx = 0 }
local threads = {}

function setup(thread)
	threads[#threads + 1] = thread
end

-- Counts one answer (POST runs only: wrk reads the answers' headers and
-- bodies for a script that has a response function, which the GET runs
-- of the public pages need not pay for).
local function count(status, headers, body)
	local class = "ok"
	if status >= 500 then
		class = "c5xx"
	elseif status >= 400 then
		class = "c4xx"
	end
	status_counts[class] = status_counts[class] + 1
	status_counts[status] = (status_counts[status] or 0) + 1
end

local function read_accounts(path)
	accounts = {}
	for line in io.lines(path) do
		accounts[#accounts + 1] = line
	end
	next_account = math.random(1, #accounts)
end

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
	if args[3] ~= nil then
		read_accounts(args[3])
	end
	response = count
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

-- The request line and headers of a POST of n bytes, as wrk.format
-- makes them (wrk.headers are the -H headers, and Host).
local function post_head(n)
	local t = { "POST " .. wrk.path .. " HTTP/1.1\r\n" }
	local h = { ["Content-Type"] = ctype, ["Content-Length"] = tostring(n) }
	for name, value in pairs(wrk.headers) do
		h[name] = value
	end
	for name, value in pairs(h) do
		t[#t + 1] = name .. ": " .. value .. "\r\n"
	end
	t[#t + 1] = "\r\n"
	return table.concat(t)
end

-- A POST's bytes are made by one concatenation: with a body of
-- megabytes, a copy more per request (wrk.format's) is the client's
-- time that the benchmark would count against the server.
function request()
	if body_prefix == nil then
		return wrk.format(nil, nil)
	end
	local mid = ""
	if body_suffix ~= nil then
		mid = key()
	end
	local prefix, suffix = body_prefix, body_suffix or ""
	if accounts ~= nil then
		next_account = next_account % #accounts + 1
		prefix = prefix:gsub("ACCOUNT", accounts[next_account], 1)
	end
	local n = #prefix + #mid + #suffix
	return post_head(n) .. prefix .. mid .. suffix
end

-- The threads' counts summed, as JSON: {"ok": n, "4xx": n, "5xx": n,
-- "by_status": {"303": n, ...}}.
local function statuses()
	local sum, by = { ok = 0, c4xx = 0, c5xx = 0 }, {}
	for _, t in ipairs(threads) do
		for k, v in pairs(t:get("status_counts") or {}) do
			if type(k) == "number" then
				by[k] = (by[k] or 0) + v
			else
				sum[k] = sum[k] + v
			end
		end
	end
	local parts = {}
	for k, v in pairs(by) do
		parts[#parts + 1] = string.format('"%d": %d', k, v)
	end
	table.sort(parts)
	return string.format('{"ok": %d, "4xx": %d, "5xx": %d, "by_status": {%s}}',
	    sum.ok, sum.c4xx, sum.c5xx, table.concat(parts, ", "))
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format('BENCH {"requests": %d, "duration_us": %d, ' ..
	    '"connect": %d, "read": %d, "write": %d, "status": %d, ' ..
	    '"timeout": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d, ' ..
	    '"statuses": %s}\n',
	    summary.requests, summary.duration, e.connect, e.read, e.write,
	    e.status, e.timeout, latency:percentile(50),
	    latency:percentile(95), latency:percentile(99), latency.max,
	    statuses()))
end
