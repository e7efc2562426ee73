-- What one source address did lately (e.g. how many accounts it registered
-- in the last hour), without scanning the whole log.
ALTER TABLE audit_log ADD KEY audit_addr (addr, action, at);
