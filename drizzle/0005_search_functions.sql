-- unaccent() is only STABLE; an IMMUTABLE wrapper with an explicit dictionary can be indexed.
-- It maps æ→ae, ø→o, å→a and other accents, so "kokkenhjalper" typed on a phone finds "køkkenhjælper".
-- Schema-qualified: PostgreSQL 17+ builds indexes with a restricted search_path.
CREATE OR REPLACE FUNCTION public.nw_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, lower($1)) $$;
