// Person search by the beginning of a surname: 'Visser' finds 'Vissers' and 'Visser-de Boer' even
// when the trigram similarity of the whole name is low (a short query against a long name). The
// search names start with the achternaam (zoekNaam()), so a prefix on zoeknaam.naam is a prefix on
// the surname; text_pattern_ops lets LIKE 'prefix%' use the btree whatever the collation.
export const name = '012_zoeknaam_prefix';

// And the casussen of a household, newest first: a found person's household shows the safety flag
// of its latest casus (open or closed; the existing unique index covers open ones only).
export const up = [
  `create index zoeknaam_prefix on zoeknaam (naam text_pattern_ops)`,
  `create index casus_huishouden on casus (huishouden_id, id)`,
];
