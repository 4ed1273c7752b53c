/** What a benchmark file (`bench/<name>.bench.ts`, default export) gets and gives. See bench/README.md. */

export interface Target {
  /** Minimum share of the ceiling (hello-world rps of the same server in the same run), e.g. 0.3. */
  ratio?: number;
  /** Maximum p99 latency in milliseconds. */
  p99_ms?: number;
  /** Maximum server RSS in MB under this load. */
  rss_mb?: number;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  cookie: string | null;
}

export interface BenchContext {
  profile: 'quick' | 'full';
  /** e.g. `province-110k` */
  dataset: string;
  db: 'sqlite' | 'postgres';
  baseUrl: string;
  /** Password of every generated account (members dv1…dvN, administrator quantri). */
  password: string;
  /** Number of generated members; their accounts are dv1 … dv<members>. */
  members: number;
  /** Session cookies of signed-in generated members (spread over the dataset) and of the administrator. */
  memberCookies: string[];
  adminCookie: string;
  /** A JSON call with the client header; `cookie` optional. */
  api(method: string, path: string, opts?: { cookie?: string; body?: unknown }): Promise<ApiResponse>;
  /** Where the dataset lives, for benches that need to look rows up directly. */
  dataDir: string;
  databaseUrl: string | null;
}

export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

export interface LoadSpec {
  /** Requests sent in turn by every connection; a function is called for each request (vary ids, bodies). */
  requests: LoadRequest[] | ((i: number) => LoadRequest);
  /** Which session each request carries: rotating member sessions (default), the administrator's, or none. */
  as?: 'members' | 'admin' | 'anonymous';
  /** Overrides the profile's number of concurrent connections (e.g. fewer for CPU-bound password checks). */
  connections?: number;
  /** Free text recorded with the result (what one request is, why a target is missed). */
  note?: string;
}

export interface BenchDefinition {
  name: string;
  /** Lower runs first; the ceiling (ping) is 0. Default 50. */
  order?: number;
  target?: Target;
  /** Sets up what it needs through the API; returns null to skip (e.g. the feature is not installed). */
  prepare(ctx: BenchContext): Promise<LoadSpec | null>;
}

export interface BenchResult {
  name: string;
  dataset: string;
  db: 'sqlite' | 'postgres';
  rps: number;
  p50_ms: number;
  p99_ms: number;
  ceiling_rps: number;
  rss_mb: number;
  /** Server CPU time (user + system) per request during the measured run, in µs: independent of machine load. */
  cpu_us_per_req?: number;
  /** One-minute load average at the end of the run. */
  load_avg?: number;
  profile: 'quick' | 'full';
  connections: number;
  duration_s: number;
  requests: number;
  errors: number;
  non2xx: number;
  ratio: number;
  target?: Target;
  target_met?: boolean;
  note?: string;
  date: string;
  machine: { cpus: number; cpu: string; ram_gb: number; node: string };
}
