// Generates protocol/data/codelists/country.json and currency.json from Unicode CLDR
// (npm packages cldr-core, cldr-localenames-full and cldr-numbers-full, Unicode-3.0 licence).
//
//   cd tools/codelists && npm install && node generate.mjs
//
// Countries: the 249 ISO 3166-1 alpha-2 codes listed below (CLDR also names pseudo-territories
// such as EU, EZ, UN, QO and the user-assigned XK, which are not ISO 3166-1 and are left out).
// The list is cross-checked against CLDR's territory names so a CLDR update that drops or adds a
// territory is noticed.
//
// Currencies: the ISO 4217 codes that CLDR's currencyData records as legal tender in some
// territory today (no end date), plus the ISO 4217 precious metals and the IMF special drawing
// right below (seized gold or silver is valued in them). Historic currencies (with an end date),
// ISO 4217 fund codes (BOV, CLF, MXV, ...) and test codes (XTS, XXX) are left out.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const outDir = join(here, "..", "..", "protocol", "data", "codelists");

const LANGS = ["en", "fr", "es", "pt", "ru", "de", "ar"];
const VERSION = 1;

// ISO 3166-1 alpha-2, officially assigned codes.
const ISO_3166_1 = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ
EC EE EG EH ER ES ET
FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ
OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA
RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
UA UG UM US UY UZ
VA VC VE VG VI VN VU
WF WS
YE YT
ZA ZM ZW
`
  .trim()
  .split(/\s+/);

// Two-letter CLDR territory codes that are not ISO 3166-1 country codes.
const CLDR_NON_ISO = new Set([
  "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ",
]);

// Active ISO 4217 codes that are not legal tender of a territory in CLDR's currencyData.
const ISO_4217_EXTRA = ["XAG", "XAU", "XDR", "XPD", "XPT"];

function readJson(path) {
  return JSON.parse(readFileSync(join(modules, path), "utf8"));
}

function fail(message) {
  console.error(`generate.mjs: ${message}`);
  process.exit(1);
}

// Drop-down labels start with a capital letter (CLDR gives mid-sentence forms such as "euro").
function capitalise(text) {
  const first = text.codePointAt(0);
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase() + text.slice(head.length);
}

function territoryNames(lang) {
  return readJson(`cldr-localenames-full/main/${lang}/territories.json`).main[lang]
    .localeDisplayNames.territories;
}

function currencyNames(lang) {
  return readJson(`cldr-numbers-full/main/${lang}/currencies.json`).main[lang].numbers
    .currencies;
}

function countries() {
  const iso = new Set(ISO_3166_1);
  if (iso.size !== 249 || ISO_3166_1.length !== 249) {
    fail(`expected 249 distinct ISO 3166-1 codes, found ${iso.size}`);
  }
  const cldr = Object.keys(territoryNames("en")).filter(
    (code) => /^[A-Z]{2}$/.test(code) && !CLDR_NON_ISO.has(code),
  );
  const missing = ISO_3166_1.filter((code) => !cldr.includes(code));
  const unknown = cldr.filter((code) => !iso.has(code));
  if (missing.length || unknown.length) {
    fail(`CLDR territories differ from ISO 3166-1: missing ${missing} unexpected ${unknown}`);
  }
  const names = Object.fromEntries(LANGS.map((lang) => [lang, territoryNames(lang)]));
  return [...ISO_3166_1].sort().map((code) => ({
    code,
    labels: Object.fromEntries(
      LANGS.map((lang) => {
        const name = names[lang][code];
        if (!name) fail(`no ${lang} name for territory ${code}`);
        return [lang, name];
      }),
    ),
  }));
}

function currencies() {
  const data = readJson("cldr-core/supplemental/currencyData.json").supplemental.currencyData;
  const codes = new Set(ISO_4217_EXTRA);
  for (const periods of Object.values(data.region)) {
    for (const period of periods) {
      for (const [code, info] of Object.entries(period)) {
        if (!info._to && info._tender !== "false") codes.add(code);
      }
    }
  }
  const names = Object.fromEntries(LANGS.map((lang) => [lang, currencyNames(lang)]));
  return [...codes].sort().map((code) => ({
    code,
    labels: Object.fromEntries(
      LANGS.map((lang) => {
        const name = names[lang][code]?.displayName;
        if (!name || name === code) fail(`no ${lang} name for currency ${code}`);
        return [lang, capitalise(name)];
      }),
    ),
  }));
}

// One entry per line keeps diffs readable when CLDR is updated.
function write(id, entries) {
  const lines = entries.map((entry) => `    ${JSON.stringify(entry)}`);
  const text = `{\n  "id": "${id}",\n  "version": ${VERSION},\n  "entries": [\n${lines.join(",\n")}\n  ]\n}\n`;
  writeFileSync(join(outDir, `${id}.json`), text);
  console.log(`${id}.json: ${entries.length} entries`);
}

const cldrVersion = readJson("cldr-core/package.json").version;
console.log(`CLDR ${cldrVersion}`);
write("country", countries());
write("currency", currencies());
