import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- 出租房屋: a house let to tenants, registered (备案) with the community.
    CREATE TABLE rentals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      house_id uuid NOT NULL UNIQUE REFERENCES houses(id),
      landlord_person_id uuid REFERENCES persons(id),
      landlord_name text NOT NULL,
      landlord_phone text,
      registration_number text UNIQUE,
      registered_on date,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),
      star_rating int CHECK (star_rating BETWEEN 1 AND 5),
      rated_at timestamptz,
      -- Copied from the latest inspection, so "rentals with a hazard" is an indexed filter, not a subquery.
      has_hazard boolean NOT NULL DEFAULT false,
      org_path text NOT NULL,
      note text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1
    );
    CREATE INDEX rentals_scope_idx ON rentals (org_path text_pattern_ops, id);
    CREATE INDEX rentals_star_idx ON rentals (star_rating, id);
    CREATE INDEX rentals_created_idx ON rentals (created_at DESC, id DESC);
    CREATE INDEX rentals_status_idx ON rentals (status, id);
    CREATE INDEX rentals_hazard_idx ON rentals (id) WHERE has_hazard;
    CREATE INDEX rentals_landlord_idx ON rentals (landlord_name text_pattern_ops);

    -- 宾馆式管理: tenants checked in and out.
    CREATE TABLE tenancies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rental_id uuid NOT NULL REFERENCES rentals(id),
      person_id uuid NOT NULL REFERENCES persons(id),
      room text,
      check_in date NOT NULL,
      check_out date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (check_out IS NULL OR check_out >= check_in)
    );
    CREATE INDEX tenancies_rental_idx ON tenancies (rental_id, check_out);
    CREATE INDEX tenancies_person_idx ON tenancies (person_id);
    -- A person is checked in once per rental at a time.
    CREATE UNIQUE INDEX tenancies_open_idx ON tenancies (rental_id, person_id) WHERE check_out IS NULL;

    -- Configurable criteria of the star rating (星级评定).
    CREATE TABLE rental_criteria (
      code text PRIMARY KEY,
      name text NOT NULL,
      name_en text,
      weight int NOT NULL CHECK (weight > 0),
      sort_order int NOT NULL DEFAULT 0,
      disabled boolean NOT NULL DEFAULT false
    );
    INSERT INTO rental_criteria (code, name, name_en, weight, sort_order) VALUES
      ('fire', '消防安全', 'Fire safety', 30, 1),
      ('security', '治安管理', 'Public order', 25, 2),
      ('hygiene', '卫生环境', 'Hygiene and environment', 15, 3),
      ('tenants', '租客登记', 'Tenant registration', 20, 4),
      ('structure', '房屋结构', 'Building structure', 10, 5);

    CREATE TABLE rental_inspections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rental_id uuid NOT NULL REFERENCES rentals(id),
      inspected_at timestamptz NOT NULL,
      inspector_id uuid REFERENCES users(id),
      inspector_name text,
      findings text NOT NULL DEFAULT '',
      -- {"criterion code": score 0..100}; the star rating follows from the weighted mean (docs/api-registry.md).
      scores jsonb NOT NULL DEFAULT '{}',
      star_rating int CHECK (star_rating BETWEEN 1 AND 5),
      hazard boolean NOT NULL DEFAULT false
    );
    CREATE INDEX rental_inspections_rental_idx ON rental_inspections (rental_id, inspected_at DESC);

    -- 居住证: apply → issue → renew → address change.
    CREATE TABLE residence_permits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES persons(id),
      number text UNIQUE,
      status text NOT NULL CHECK (status IN ('applied','issued','rejected','expired','cancelled')),
      house_id uuid REFERENCES houses(id),
      address text NOT NULL,
      applied_on date NOT NULL,
      issued_on date,
      valid_from date,
      valid_to date,
      reminded_for date,
      org_path text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1
    );
    CREATE INDEX permits_scope_idx ON residence_permits (org_path text_pattern_ops, id);
    CREATE INDEX permits_person_idx ON residence_permits (person_id);
    CREATE INDEX permits_expiry_idx ON residence_permits (valid_to) WHERE status = 'issued';
    CREATE INDEX permits_created_idx ON residence_permits (created_at DESC, id DESC);
    CREATE INDEX permits_status_idx ON residence_permits (status, id);
    CREATE SEQUENCE permit_number_seq;
    CREATE TABLE permit_events (
      id bigserial PRIMARY KEY,
      permit_id uuid NOT NULL REFERENCES residence_permits(id),
      at timestamptz NOT NULL DEFAULT now(),
      action text NOT NULL,
      actor_id uuid REFERENCES users(id),
      actor_name text,
      data jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX permit_events_permit_idx ON permit_events (permit_id, id);

    -- 单位: enterprises, shops, social organisations.
    CREATE TABLE organizations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('enterprise','shop','social_org','public_institution','other')),
      credit_code text UNIQUE,
      legal_rep text,
      phone text,
      address text NOT NULL,
      lng double precision,
      lat double precision,
      grid_id uuid REFERENCES orgs(id),
      community_id uuid REFERENCES orgs(id),
      street_id uuid REFERENCES orgs(id),
      org_path text NOT NULL,
      safety_contact_name text,
      safety_contact_phone text,
      safety_contact_person_id uuid REFERENCES persons(id),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed')),
      note text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1
    );
    CREATE INDEX organizations_scope_idx ON organizations (org_path text_pattern_ops, id);
    CREATE INDEX organizations_kind_idx ON organizations (kind, id);
    CREATE INDEX organizations_name_idx ON organizations (name text_pattern_ops);
    CREATE INDEX organizations_created_idx ON organizations (created_at DESC, id DESC);
    CREATE INDEX organizations_status_idx ON organizations (status, id);

    -- 实有就业: person ↔ organisation over time.
    CREATE TABLE employments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      person_id uuid NOT NULL REFERENCES persons(id),
      position text,
      from_date date NOT NULL,
      to_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (to_date IS NULL OR to_date >= from_date)
    );
    CREATE INDEX employments_org_idx ON employments (organization_id, to_date);
    CREATE INDEX employments_person_idx ON employments (person_id);
    CREATE UNIQUE INDEX employments_open_idx ON employments (organization_id, person_id) WHERE to_date IS NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE employments; DROP TABLE organizations; DROP TABLE permit_events; DROP TABLE residence_permits;
    DROP SEQUENCE permit_number_seq;
    DROP TABLE rental_inspections; DROP TABLE rental_criteria; DROP TABLE tenancies; DROP TABLE rentals;
  `.execute(db);
}
