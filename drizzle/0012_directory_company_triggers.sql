-- The directory reads one table: each opening carries the company fields it is filtered and sorted
-- by. A new or moved opening copies them; a changed company passes them on to its openings.
CREATE OR REPLACE FUNCTION public.openings_copy_company() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.network_status IN ('active', 'onboarding'), c.name, c.name_sort, c.trade_section, c.area
    INTO NEW.company_listed, NEW.company_name, NEW.company_name_sort, NEW.company_trade, NEW.company_area
    FROM public.companies c WHERE c.id = NEW.company_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER openings_company_fields BEFORE INSERT OR UPDATE OF company_id ON openings
  FOR EACH ROW EXECUTE FUNCTION public.openings_copy_company();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.companies_copy_to_openings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.openings SET
    company_listed = NEW.network_status IN ('active', 'onboarding'),
    company_name = NEW.name,
    company_name_sort = NEW.name_sort,
    company_trade = NEW.trade_section,
    company_area = NEW.area
  WHERE company_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER companies_to_openings AFTER UPDATE OF network_status, name, name_sort, trade_section, area ON companies
  FOR EACH ROW EXECUTE FUNCTION public.companies_copy_to_openings();
--> statement-breakpoint
UPDATE openings o SET
  company_listed = c.network_status IN ('active', 'onboarding'),
  company_name = c.name,
  company_name_sort = c.name_sort,
  company_trade = c.trade_section,
  company_area = c.area
FROM companies c WHERE c.id = o.company_id;
