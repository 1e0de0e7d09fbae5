/** A lean GraphQL-over-HTTP client (node:http with keep-alive), so the client costs little per request. */
import http from 'node:http';

/** Posts GraphQL operations to one endpoint. */
export class GraphQLClient {
  private readonly agent: http.Agent;

  constructor(private readonly url: URL, maxSockets = 16) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Sends one operation; resolves to the parsed body. Throws on HTTP errors. */
  post(query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: { message: string }[] }> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = http.request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              const parsed = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
              if (res.statusCode && res.statusCode >= 400 && !parsed.errors) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
              else resolve(parsed);
            } catch {
              reject(new Error(`HTTP ${res.statusCode}: not JSON: ${text.slice(0, 200)}`));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A request function for the load generator: an error text when the answer has GraphQL errors. */
  async request(query: string, variables: Record<string, unknown>): Promise<string | void> {
    const r = await this.post(query, variables);
    if (r.errors?.length) return r.errors.map((e) => e.message).join('; ');
  }

  /** GET a JSON path on the same host (for /__bench/stats). */
  getJson<T>(path: string): Promise<T> {
    return new Promise((resolve, reject) => {
      http
        .get(new URL(path, this.url), { agent: this.agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
            } catch (err) {
              reject(err);
            }
          });
        })
        .on('error', reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
