import type { LayerInfo } from '../layers/layer-info.ts';

/**
 * GeoJSON or vector tiles? — the rule, per layer:
 *
 * 1. More than MAX_GEOJSON_FEATURES features → vector tiles (`/tiles/<id>/{z}/{x}/{y}.mvt`) at once.
 * 2. Otherwise the client streams `/api/layers/<id>/features` and counts bytes; past
 *    MAX_GEOJSON_BYTES of (uncompressed) GeoJSON it aborts and switches to vector tiles.
 * 3. Before using tiles the client fetches one tile over the layer; if the server cannot build
 *    tiles (its tile route fails: the embedded PGlite build has no protobuf-c, but there PostGIS
 *    clips and Node encodes, server/layers/mvt-encode.ts) the layer is loaded as GeoJSON whatever
 *    its size, with a console warning — slower, but on the map.
 * 4. Everything else stays GeoJSON: the whole layer lives in the browser, so hover, popups with
 *    every attribute, zoom-to, one label per feature and the corridor centre lines need no request.
 *
 * Why bytes: the cost of GeoJSON is parsing and tessellating every vertex in the browser, and bytes
 * ≈ 20 × vertices. 4 MiB ≈ 200 000 vertices parse in well under a second on a 2020 office laptop;
 * beyond that tiles (clipped and simplified per zoom by PostGIS) win. The shipped 示意 layers are
 * all far below the budget; a real provincial red line (tens of thousands of vertices per polygon,
 * thousands of polygons) is not. `?tiles=<id>,<id>` or `?tiles=all` in the page URL forces tiles
 * (for testing and comparison).
 */
export const MAX_GEOJSON_FEATURES = 2000;
export const MAX_GEOJSON_BYTES = 4 * 1024 * 1024;

export type SourceKind = 'geojson' | 'tiles';

export function forcedTileLayers(search: string): Set<string> | 'all' {
  const value = new URLSearchParams(search).get('tiles');
  if (value === 'all') return 'all';
  return new Set((value ?? '').split(',').filter(Boolean));
}

/** Step 1 of the rule: the decision possible from the catalog alone ('geojson' = try it within the budget). */
export function initialSourceKind(layer: Pick<LayerInfo, 'id' | 'featureCount'>, forced: Set<string> | 'all'): SourceKind {
  if (forced === 'all' || forced.has(layer.id)) return 'tiles';
  return layer.featureCount > MAX_GEOJSON_FEATURES ? 'tiles' : 'geojson';
}

/** Step 2: reads a response body, or returns null as soon as it exceeds `budget` bytes. */
export async function readWithinBudget(response: Response, budget = MAX_GEOJSON_BYTES): Promise<string | null> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > budget) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(joined);
}
