-- A company's words find its openings through the opening's own search document: each opening
-- carries its company's document (name, area, why it joined; kept by the triggers below) and its
-- `search` joins the two. A search is then one index condition, not a second lookup of matching
-- companies (decision 0010).
ALTER TABLE "openings" ADD COLUMN "company_search" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
UPDATE "openings" o SET "company_search" = c."search" FROM "companies" c WHERE c."id" = o."company_id";--> statement-breakpoint
-- Dropping the column drops its indexes (openings_search_idx, openings_directory_idx); both are made again below.
ALTER TABLE "openings" drop column "search";--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('danish', "openings"."title" || ' ' || "openings"."tasks" || ' ' || "openings"."place" || ' ' || "openings"."learning") || "openings"."company_search") STORED;--> statement-breakpoint
CREATE INDEX "openings_search_idx" ON "openings" USING gin ("search") WHERE "openings"."published" and "openings"."company_listed";--> statement-breakpoint
CREATE INDEX openings_directory_idx ON openings (municipality_id, company_name_sort, title)
  INCLUDE (id, company_id, weekly_hours, start_from, company_trade, company_area, place, search)
  WHERE published AND company_listed;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.openings_copy_company() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.network_status IN ('active', 'onboarding'), c.name, c.name_sort, c.trade_section, c.area, c.search
    INTO NEW.company_listed, NEW.company_name, NEW.company_name_sort, NEW.company_trade, NEW.company_area, NEW.company_search
    FROM public.companies c WHERE c.id = NEW.company_id;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.companies_copy_to_openings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.openings SET
    company_listed = NEW.network_status IN ('active', 'onboarding'),
    company_name = NEW.name,
    company_name_sort = NEW.name_sort,
    company_trade = NEW.trade_section,
    company_area = NEW.area,
    company_search = NEW.search
  WHERE company_id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
DROP TRIGGER companies_to_openings ON companies;--> statement-breakpoint
CREATE TRIGGER companies_to_openings AFTER UPDATE OF network_status, name, name_sort, trade_section, area, why_joined ON companies
  FOR EACH ROW EXECUTE FUNCTION public.companies_copy_to_openings();
