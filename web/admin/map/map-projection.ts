// Plots lat/lng onto an SVG box without map tiles: an equirectangular projection of the points' bounding box,
// with longitude scaled by cos(latitude) so distances look right at this scale.
export type Point = { lat: number; lng: number };
export type Projection = { x: (p: Point) => number; y: (p: Point) => number; width: number; height: number };

export function fitProjection(points: Point[], width: number, height: number, pad = 40): Projection {
  if (points.length === 0) return { x: () => width / 2, y: () => height / 2, width, height };
  let minLat = Infinity, maxLat = -Infinity, minLng = Infinity, maxLng = -Infinity;
  for (const p of points) {
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
    minLng = Math.min(minLng, p.lng);
    maxLng = Math.max(maxLng, p.lng);
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * k, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return {
    x: (p) => offX + (p.lng - minLng) * k * scale,
    y: (p) => offY + (maxLat - p.lat) * scale,
    width,
    height,
  };
}

// Ten distinguishable colours, one per institute (street), in tree order.
export const palette = ['#c8161d', '#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#13c2c2', '#eb2f96', '#a0d911', '#2f54eb', '#faad14'];
