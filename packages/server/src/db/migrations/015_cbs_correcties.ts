// CBS delivery corrections (issue 12, docs/cbs-export.md):
// - two v1 (2015) melder codes: "Gezondheidszorg: anders" is 20 "Professional anders dan
//   bovenstaande" (not 03, the jeugdgezondheidszorg), "Onderwijs: anders" is 15 "Lid ZAT-team school,
//   leerkracht, directeur" (not 16, the leerplichtambtenaar). In the code list seed and in the v1 table,
//   unless the organisation already changed the code (gewijzigd_door set, or another code);
// - a new derived triagebesluit value `overdracht_clientsysteem`: a melding closed directly after the
//   beoordeling with "geen (meer) onveiligheid" (the report's group cliëntsysteem). v2: option
//   "Overdracht aan derden" (the protocol counts overdracht aan het cliëntsysteem as one); v1 and the
//   tables copied from it: the code their `geen_vervolg` has (v1: 04 einde bemoeienis), so v1 files
//   keep their code for these meldingen.
export const name = '015_cbs_correcties';

export const up: string[] = [
  `update codelijst_item set cbs2015 = '20' where lijst = 'hoedanigheid' and code = 'gz_anders' and cbs2015 = '03'`,
  `update codelijst_item set cbs2015 = '15' where lijst = 'hoedanigheid' and code = 'ow_anders' and cbs2015 = '16'`,
  `update cbs_code set cbs_code = '20', gewijzigd_op = now()
   where protocol = 'v1-2015' and veld = 'hoedanigheid' and code = 'gz_anders' and cbs_code = '03' and gewijzigd_door is null`,
  `update cbs_code set cbs_code = '15', gewijzigd_op = now()
   where protocol = 'v1-2015' and veld = 'hoedanigheid' and code = 'ow_anders' and cbs_code = '16' and gewijzigd_door is null`,
  `insert into cbs_code (protocol, veld, code, cbs_code)
   select protocol, 'triagebesluit', 'overdracht_clientsysteem', cbs_code from cbs_code
   where veld = 'triagebesluit' and code = 'geen_vervolg'
   on conflict do nothing`,
  `insert into cbs_optie_waarde (protocol, veld, code, optie)
   select protocol, veld, 'overdracht_clientsysteem', optie from cbs_optie
   where veld = 'triagebesluit' and optie = 'overdracht'
   on conflict do nothing`,
];
