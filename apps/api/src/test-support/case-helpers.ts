import type { Agent, TestApp } from './test-app.ts';

/** A 1×1 PNG: a real image by its bytes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

export function multipart(field: string, filename: string, bytes: Buffer, mime = 'application/octet-stream') {
  const boundary = '----cgtest' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(t: TestApp, a: Agent, filename: string, bytes: Buffer) {
  const m = multipart('file', filename, bytes);
  return t.request({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'content-type': m.contentType },
    payload: m.body,
  });
}

export interface CategoryNode {
  id: string;
  code: string;
  defaultDepartmentId: string | null;
  children: CategoryNode[];
}

export async function categoryByCode(a: Agent, code: string): Promise<CategoryNode> {
  const tree: CategoryNode[] = (await a.get('/api/categories')).body;
  const walk = (nodes: CategoryNode[]): CategoryNode | undefined => {
    for (const n of nodes) {
      if (n.code === code) return n;
      const hit = walk(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const found = walk(tree);
  if (!found) throw new Error(`no category ${code}`);
  return found;
}

/** Points inside demo grids (grid bands are 0.004° tall, south to north, 0.01° wide). */
export const AT = {
  meiyuan1: { lng: 121.355, lat: 31.092, address: '梅园路1号' },
  meiyuan3: { lng: 121.355, lat: 31.1, address: '梅园路30号' },
  xiyuan: { lng: 121.395, lat: 31.092, address: '西苑路8号' },
};

export async function act(a: Agent, id: string, body: Record<string, unknown>) {
  const current = await a.get(`/api/cases/${id}`);
  return a.post(`/api/cases/${id}/actions`, { version: current.body.version, ...body });
}
