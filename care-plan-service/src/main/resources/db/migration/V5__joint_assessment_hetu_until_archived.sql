-- Issue 8: a completed joint assessment is an archive document, and the archive is the one consumer that gets the
-- client's henkilötunnus. This service otherwise keeps the pseudonymous client id only, so the henkilötunnus the
-- request carried is kept here until the completion has written it into the archive bundle, then cleared
-- (decisions D33). It never leaves this column except into that bundle: no view, event or log line.
alter table joint_assessment add column client_hetu text;
