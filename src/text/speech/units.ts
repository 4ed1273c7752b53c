/** Units read after a number ("3km", "15 ha", "30°C"). Keys are exact spellings. */
export const UNITS: Readonly<Record<string, string>> = Object.freeze({
  km: 'ki lô mét',
  'km/h': 'ki lô mét trên giờ',
  km2: 'ki lô mét vuông',
  'km²': 'ki lô mét vuông',
  m: 'mét',
  m2: 'mét vuông',
  'm²': 'mét vuông',
  m3: 'mét khối',
  'm³': 'mét khối',
  cm: 'xăng ti mét',
  mm: 'mi li mét',
  ha: 'héc ta',
  kg: 'ki lô gam',
  g: 'gam',
  mg: 'mi li gam',
  l: 'lít',
  ml: 'mi li lít',
  kW: 'ki lô oát',
  kWh: 'ki lô oát giờ',
  MW: 'mê ga oát',
  W: 'oát',
  V: 'vôn',
  GB: 'gi ga bai',
  MB: 'mê ga bai',
  Mbps: 'mê ga bít trên giây',
  '°C': 'độ xê',
  '°F': 'độ ép',
  oC: 'độ xê',
  '°': 'độ',
  đ: 'đồng',
  VNĐ: 'đồng',
  VND: 'đồng',
  USD: 'đô la Mỹ',
  tr: 'triệu',
});

/** Alternation source for the units, longest first so "km2" wins over "km" and "m". */
export function unitPattern(): string {
  return Object.keys(UNITS)
    .sort((a, b) => b.length - a.length)
    .map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
}
