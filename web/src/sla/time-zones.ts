import cldr from "cldr-bcp47/bcp47/timezone.json";

/**
 * The current IANA name of a time zone. Browsers (and Node) list zones by CLDR's stable identifiers, which keep the
 * names of their day: Asia/Calcutta, Europe/Kiev, Asia/Saigon. CLDR's own data (the Unicode Consortium's cldr-bcp47
 * package, the data ICU and ECMA-402 use) gives each zone its aliases and, where the IANA database renamed it, the
 * current name (`_iana`): every alias maps to that, or to the zone's first alias when it was never renamed. Zones that
 * IANA merged across countries (Europe/Stockholm into Europe/Berlin) stay themselves, as CLDR keeps them. The names of
 * UTC (Etc/UTC, Etc/UCT, Zulu...) are all "UTC", the name the API stores by default.
 */
const CURRENT: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>();
  for (const [key, zone] of Object.entries(cldr.keyword.u.tz as Record<string, unknown>)) {
    if (key.startsWith("_") || typeof zone !== "object" || zone === null) continue;
    const { _alias: alias, _iana: iana } = zone as { _alias?: string; _iana?: string };
    const aliases = alias?.split(" ").filter(Boolean) ?? [];
    const current = aliases.includes("UTC") ? "UTC" : (iana ?? aliases[0]);
    if (!current) continue;
    for (const name of aliases) if (name !== current) names.set(name, current);
  }
  return names;
})();

/** "Europe/Kiev" → "Europe/Kyiv", "Asia/Calcutta" → "Asia/Kolkata"; a current or unknown name as it is. */
export function currentZoneName(zone: string): string {
  return CURRENT.get(zone) ?? zone;
}

/** Two names of one zone (a stored old name and the name the form shows) are the same choice. */
export function sameZone(a: string | undefined, b: string | undefined): boolean {
  return (a === undefined ? a : currentZoneName(a)) === (b === undefined ? b : currentZoneName(b));
}
