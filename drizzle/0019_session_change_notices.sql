-- Change notices for the session caches of the web servers (decision 0004): whatever changes what
-- a session resolves to — the session itself, its user, the user's roles or companies — sends
-- `s:<session id>` or `u:<user id>` on the channel nw_session_changes when it commits. Each server
-- LISTENs and evicts (src/platform/db/listen.ts, src/modules/accounts/session-cache.ts).
CREATE OR REPLACE FUNCTION public.nw_session_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('nw_session_changes', 's:' || OLD.id);
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('nw_session_changes', 'u:' || OLD.id);
  ELSE
    -- memberships and company_contacts: the user or users whose rows changed
    IF TG_OP <> 'INSERT' THEN
      PERFORM pg_notify('nw_session_changes', 'u:' || OLD.user_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM pg_notify('nw_session_changes', 'u:' || NEW.user_id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_notice AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION public.nw_session_notice();
--> statement-breakpoint
CREATE TRIGGER users_notice AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION public.nw_session_notice();
--> statement-breakpoint
CREATE TRIGGER memberships_notice AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION public.nw_session_notice();
--> statement-breakpoint
CREATE TRIGGER company_contacts_notice AFTER INSERT OR UPDATE OR DELETE ON company_contacts
  FOR EACH ROW EXECUTE FUNCTION public.nw_session_notice();
