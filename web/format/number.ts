// Numbers are shown the Indonesian way: decimal comma, dot for thousands (35,3%; 1.234).
const oneDecimal = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** A measured value with its unit: 35.3 and '%' give "35,3%"; other units follow after a space. */
export function formatValue(value: number, unit: string): string {
  const n = oneDecimal.format(value);
  if (unit === '%' || unit === '') return `${n}${unit}`;
  return `${n} ${unit}`;
}

/** A class break in the legend: 14 gives "14", 12.5 gives "12,5". */
export function formatBreak(value: number): string {
  return upToOneDecimal.format(value);
}
