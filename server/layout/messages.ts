/** What the server and its layout process say to each other. */

export interface LayoutRequest {
  key: string;
  nodes: string[];
  /** [source, target] of each edge; parallel edges count, as they do on the page. */
  edges: [string, string][];
}

export interface LayoutAnswer {
  key: string;
  positions: (readonly [string, number, number])[];
  error?: string;
}
