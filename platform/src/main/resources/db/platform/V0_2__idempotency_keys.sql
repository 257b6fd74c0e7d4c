-- Idempotency-Key: the first answer to a creating request, replayed for a retry with the same key and
-- request. Written in the transaction of what the request created; purged after the retention (24 h).
create table idempotency_key (
    owner        text        not null,  -- 'org:<organisation OID>', or 'sub:<subject>' for a caller without one
    key_hash     text        not null,  -- SHA-256 (hex) of the Idempotency-Key header: the client's text is not kept
    fingerprint  text        not null,  -- SHA-256 (hex) of method, path and canonical JSON body
    status       integer     not null,
    location     text        not null,  -- '' when the answer had no Location
    body         text        not null,  -- the answer's JSON, exactly as first sent
    created_at   timestamptz not null,
    primary key (owner, key_hash)
);
create index idempotency_key_created_at on idempotency_key (created_at);
