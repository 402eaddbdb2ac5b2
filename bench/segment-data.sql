-- Data for bench/segments.sh: three locations of one agency, the first with :contacts contacts (the
-- others a tenth each), 20 custom fields of mixed types, five tags per contact out of 200 with a
-- skewed distribution (tag-000 on about a third, tag-199 on a handful), 10 % of custom values empty,
-- one opportunity for a fifth of the contacts and a workflow run for a tenth. Runs in the system scope as the platform's
-- role, through the same triggers as every write (custom_field_value, search terms, tag index).
--   psql -v contacts=1000000 -v location=<uuid> -v agency=<uuid> -f bench/segment-data.sql
SET switchboard.scope = 'system';
\set ON_ERROR_STOP on

SELECT :'location'::uuid AS l1 \gset
INSERT INTO location (id, agency_id, name, timezone)
SELECT id, :'agency', name, 'America/New_York'
FROM (VALUES (:'location'::uuid, 'Bench one'),
             (gen_random_uuid(), 'Bench two'),
             (gen_random_uuid(), 'Bench three')) AS l(id, name)
ON CONFLICT (id) DO NOTHING;

-- 20 custom fields per location, ids derived from the location so that every location has its own
CREATE TEMP TABLE bench_field (n int, field_key text, name text, data_type text, options text[]);
INSERT INTO bench_field VALUES
  (1, 'plan', 'Plan', 'SINGLE_OPTION', '{bronze,silver,gold,platinum}'),
  (2, 'seats', 'Seats', 'NUMBER', '{}'),
  (3, 'renewal', 'Renewal date', 'DATE', '{}'),
  (4, 'vip', 'VIP', 'CHECKBOX', '{}'),
  (5, 'nickname', 'Nickname', 'TEXT', '{}'),
  (6, 'score', 'Lead score', 'NUMBER', '{}'),
  (7, 'revenue', 'Revenue', 'MONEY', '{}'),
  (8, 'last_purchase', 'Last purchase', 'DATE', '{}'),
  (9, 'industry', 'Industry', 'SINGLE_OPTION', '{retail,health,legal,finance,realty,auto,food,travel,tech,education}'),
  (10, 'interests', 'Interests', 'MULTIPLE_OPTIONS', '{seo,ads,social,email,sms,web,video,print}'),
  (11, 'site', 'Company site', 'URL', '{}'),
  (12, 'work_email', 'Work email', 'EMAIL', '{}'),
  (13, 'notes', 'Notes', 'LARGE_TEXT', '{}'),
  (14, 'hometown', 'Hometown', 'TEXT', '{}'),
  (15, 'employees', 'Employees', 'NUMBER', '{}'),
  (16, 'signup', 'Signed up', 'DATE', '{}'),
  (17, 'newsletter', 'Newsletter', 'CHECKBOX', '{}'),
  (18, 'referral', 'Referral code', 'TEXT', '{}'),
  (19, 'mobile', 'Work mobile', 'PHONE', '{}'),
  (20, 'anniversary', 'Customer since', 'DATE', '{}');
INSERT INTO custom_field (id, location_id, field_key, name, data_type, options, position)
SELECT md5(l.id::text || f.n)::uuid, l.id, f.field_key, f.name, f.data_type, f.options, f.n
FROM location l CROSS JOIN bench_field f WHERE l.agency_id = :'agency'
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE bench_name (n int, first text, last text);
INSERT INTO bench_name
SELECT i, (ARRAY['Ada','Alan','Grace','Linus','Margaret','Dennis','Barbara','Ken','Frances','John','Radia','Edsger'])[1 + i % 12],
          (ARRAY['Lovelace','Turing','Hopper','Torvalds','Hamilton','Ritchie','Liskov','Thompson','Allen','Backus','Perlman','Dijkstra','Knuth'])[1 + i % 13]
FROM generate_series(0, 155) i;

-- one location at a time; each contact's values drawn from random() per row
CREATE TEMP TABLE bench_target AS
SELECT l.id, CASE WHEN l.id = :'location'::uuid THEN :contacts::int ELSE :contacts::int / 10 END AS contacts
FROM location l WHERE l.agency_id = :'agency';

DO $$
DECLARE
    t record;
    f uuid[];
BEGIN
    FOR t IN SELECT * FROM bench_target LOOP
        SELECT array_agg(id ORDER BY position) INTO f FROM custom_field WHERE location_id = t.id;
        INSERT INTO contact (id, location_id, first_name, last_name, name, email, phone, city, country, source,
                             date_of_birth, tags, dnd, custom_fields, search_text, created_at, updated_at)
        SELECT gen_random_uuid(), t.id, n.first, n.last, n.first || ' ' || n.last,
               'c' || g || '.' || left(t.id::text, 8) || '@bench.test',
               '+1555' || lpad(g::text, 7, '0'),
               (ARRAY['Austin','Boston','Chicago','Denver','El Paso','Fresno'])[1 + g % 6], 'US',
               (ARRAY['web form','facebook','import','referral'])[1 + g % 4],
               date '1950-01-01' + (random() * 20000)::int,
               tags, random() < 0.05,
               jsonb_strip_nulls(jsonb_build_object(
                 f[1], CASE WHEN random() < 0.9 THEN (ARRAY['bronze','silver','silver','gold','gold','gold','platinum'])[1 + (random() * 6)::int] END,
                 f[2], CASE WHEN random() < 0.9 THEN 1 + (random() * 9999)::int END,
                 f[3], CASE WHEN random() < 0.9 THEN (current_date - 365 + (random() * 730)::int)::text END,
                 f[4], CASE WHEN random() < 0.9 THEN random() < 0.1 END,
                 f[5], CASE WHEN random() < 0.9 THEN 'nick ' || md5(g::text) END,
                 f[6], CASE WHEN random() < 0.9 THEN (random() * 100)::int END,
                 f[7], CASE WHEN random() < 0.9 THEN round((random() * 50000)::numeric, 2) END,
                 f[8], CASE WHEN random() < 0.9 THEN (current_date - (random() * 1095)::int)::text END,
                 f[9], CASE WHEN random() < 0.9 THEN (ARRAY['retail','health','legal','finance','realty','auto','food','travel','tech','education'])[1 + (random() * 9)::int] END,
                 f[10], CASE WHEN random() < 0.9 THEN to_jsonb(ARRAY(SELECT DISTINCT (ARRAY['seo','ads','social','email','sms','web','video','print'])[1 + (random() * 7)::int] FROM generate_series(1, 2 + g % 2))) END,
                 f[11], CASE WHEN random() < 0.9 THEN 'https://site' || g || '.example' END,
                 f[12], CASE WHEN random() < 0.9 THEN 'w' || g || '@work.example' END,
                 f[13], CASE WHEN random() < 0.9 THEN 'Met at the expo; follow up about ' || md5(g::text) END,
                 f[14], CASE WHEN random() < 0.9 THEN (ARRAY['Springfield','Riverside','Franklin','Greenville','Bristol','Clinton'])[1 + g % 6] END,
                 f[15], CASE WHEN random() < 0.9 THEN (power(random(), 3) * 5000)::int END,
                 f[16], CASE WHEN random() < 0.9 THEN (current_date - (random() * 1500)::int)::text END,
                 f[17], CASE WHEN random() < 0.9 THEN random() < 0.6 END,
                 f[18], CASE WHEN random() < 0.9 THEN 'REF' || (g % 5000) END,
                 f[19], CASE WHEN random() < 0.9 THEN '+1555' || lpad((g * 7 % 9999999)::text, 7, '0') END,
                 f[20], CASE WHEN random() < 0.9 THEN (date '2010-01-01' + (random() * 5800)::int)::text END)),
               lower(n.first || ' ' || n.last || ' c' || g),
               now() - random() * interval '1095 days', now() - random() * interval '30 days'
        FROM generate_series(1, t.contacts) g
        JOIN bench_name n ON n.n = g % 156
        CROSS JOIN LATERAL (
            SELECT array_agg(DISTINCT 'tag-' || lpad(least(199, floor(200 * power(random(), 2.5)))::int::text, 3, '0')) AS tags
            FROM generate_series(1, 5 + 0 * g)) tg;
    END LOOP;
END $$;

-- a pipeline of five stages per location and an opportunity for a fifth of the contacts
INSERT INTO pipeline (id, location_id, name) SELECT md5('pipeline' || id)::uuid, id, 'Sales' FROM bench_target;
INSERT INTO pipeline_stage (id, location_id, pipeline_id, name, position)
SELECT md5('stage' || t.id || s)::uuid, t.id, md5('pipeline' || t.id)::uuid, (ARRAY['New','Contacted','Proposal','Negotiation','Closed'])[s], s
FROM bench_target t CROSS JOIN generate_series(1, 5) s;
INSERT INTO opportunity (id, location_id, name, contact_id, pipeline_id, pipeline_stage_id, status, monetary_value, currency)
SELECT gen_random_uuid(), c.location_id, 'Deal', c.id, md5('pipeline' || c.location_id)::uuid,
       md5('stage' || c.location_id || (1 + (random() * 4)::int))::uuid,
       (ARRAY['OPEN','OPEN','OPEN','WON','LOST'])[1 + (random() * 4)::int], round((random() * 20000)::numeric, 2), 'USD'
FROM contact c JOIN bench_target t ON t.id = c.location_id WHERE random() < 0.2;
