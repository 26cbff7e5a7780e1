// Name material for the benchmark data set: surnames and first names as they occur in the
// Amsterdam-Amstelland population (Dutch, Moroccan, Turkish, Surinamese and other origins),
// roughly ordered from common to rare so a Zipf-like pick gives a realistic skew (many
// 'de Jong' and 'Mohamed', a long tail of rare names). The lists are hand-made; the Dutch,
// Moroccan, Turkish and Hindustani tails are extended by composition (stem + suffix) so the
// data set has a few thousand distinct surnames, like a real region, not a few dozen.

export type Groep = 'nl' | 'ma' | 'tr' | 'sr' | 'ov';

export interface Achternaam {
  tussenvoegsel: string | null;
  achternaam: string;
}

const split = (full: string): Achternaam => {
  // 'van den Berg' → tussenvoegsel 'van den', achternaam 'Berg'. Moroccan 'El Amrani' stays whole.
  const m = /^((?:van|de|der|den|het|ter|te|in 't|in ’t|op|ten|van 't)(?: (?:van|de|der|den|het|'t))*) (.+)$/.exec(
    full,
  );
  return m ? { tussenvoegsel: m[1]!, achternaam: m[2]! } : { tussenvoegsel: null, achternaam: full };
};

const NL_REAL = `de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen|van den Broek|de Bruijn|de Bruin|van der Heijden|Schouten|van Beek|Willems|van Vliet|van de Ven|Hoekstra|Maas|Verhoeven|Koster|van Dam|van der Wal|Prins|Blom|Huisman|Peeters|de Jonge|Kuipers|van Veen|Post|Kuiper|Veenstra|Kramer|van den Brink|Scholten|van Wijk|Postma|Martens|Vink|de Ruiter|Timmermans|Groen|Gerritsen|Jonker|van Loon|Boer|van der Velde|Willemsen|Smeets|de Lange|de Vos|Bosch|van Dongen|Schipper|de Koning|van der Laan|Koning|van der Velden|Driessen|van Doorn|Hermans|Evers|van den Bosch|van der Meulen|Hofman|Bosman|Wolters|Sanders|van der Horst|Mol|Kuijpers|Molenaar|van de Pol|de Leeuw|Verbeek|Aarts|Kroon|Goossens|Lammers|Wouters|Claassen|Veldhuis|Brinkman|van Rijn|Zwart|Jaspers|Hoogendoorn|Verschuren|Kooistra|van Es|Koopman|Stam|Hoogland|van Zanten|Pronk|Wijnen|Gijsbers|Roos|Heijnen|Terpstra|Snijders|Huizinga|Boersma|Nijhuis|Kramers|Rietveld|Tuinman|Schuurman|van Vugt|Muller|Klaassen|van Rooij|Ouwehand|Vlaar|Schaap|Zijlstra|de Kok|Oosterhof|van Gelder|Nieuwenhuis|van Kampen|Overbeek|Boon|Geerts|Hartman|Dirksen|Beekman|Brand|Meulenbelt|van Beusekom|d'Ancona|van 't Hof|in 't Veld|ter Horst|ten Brink|op den Akker`;

const MA_REAL = `El Amrani|Bouzid|El Idrissi|Bouali|Tahiri|El Khatib|Benali|Ben Ali|El Hamdaoui|Azzouzi|Bakkali|Boukhari|Chaouch|El Ouali|Essafi|Haddou|Kasmi|Lamrani|Mansouri|Ouahabi|Rahmouni|Zaoui|Ziani|El Moussaoui|Amrani|Belhaj|Bennani|Boutaleb|Chakir|Daoudi|El Bouazzaoui|El Hadioui|Fassi|Hamdaoui|Kaddouri|Laaroussi|Mahdaoui|Ouali|Rachidi|Saidi|Talbi|Zerouali|Achahbar|Aboutaleb|Abdellaoui|Ait Taleb|Akrouh|Amezian|Azarkan|Boujdaini|El Allouchi|El Haddaoui|Jebari|Marzouki|Mohamed|Ahmed|Benaissa|Bouchtaoui|Charrouf|Dahmani|El Bakkali|El Makhloufi|Ghazi|Hajji|Idrissi|Khalloufi|Lahlou|Mouhib|Nafi|Ouarghi|Qadiri|Rifi|Sadiki|Tazi|Yahyaoui|Zahraoui|Aarab|Boulahrouz|Ennaji|Ezzaher`;

const TR_REAL = `Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|Aslan|Çetin|Kara|Koç|Kurt|Özkan|Şimşek|Polat|Özcan|Korkmaz|Çakır|Erdoğan|Yavuz|Can|Acar|Şen|Aktaş|Güler|Yalçın|Güneş|Bozkurt|Bulut|Keskin|Ünal|Turan|Gül|Özer|Işık|Kaplan|Avcı|Sarı|Tekin|Taş|Köse|Yüksel|Ateş|Aksoy|Karaca|Akgün|Uçar|Başaran|Tunç|Erdem|Çiftçi|Kocabaş|Akın|Oral|Sönmez|Bayram|Güven|Duman|Ekinci|Genç|Toprak|Altun|Coşkun|Uysal|Bilgin|Sezer|Tuncer|Eren`;

const SR_REAL = `Ramdin|Jagessar|Ramsaran|Mohan|Sewnath|Bhagwandin|Ramcharan|Kalpoe|Autar|Baldew|Biharie|Chotoe|Doerga|Girdhari|Jhinkoe|Kanhai|Lachman|Mahabier|Narain|Oedit|Parbhoe|Ramlal|Sital|Soekhoe|Tewari|Rambaran|Ramkhelawan|Persad|Debidin|Madho|Pinas|Sedney|Lieveld|Doelwijt|Tjon A Joe|Fernandes|Venetiaan|Sabajo|Kromodimedjo|Kasanwirjo|Sastrodihardjo|Karijodimedjo|Soekarman|Amatstam|Biswane|Brunings|Dikmoet|Emanuelson|Gefferie|Held|Karsters|Linger|Monsels|Nelom|Olmberg|Refos|Rozenblad|Samson|Tuinfort|Vreden|Wijngaarde|Macnack|Pengel|Kensenhuis|Zschuschen|Goedhart|Abena|Bhoelai|Jadnanansing|Ramautar|Sardjoe|Wongsodikromo|Tjin A Tsoi|Chin A Foeng`;

const OV_REAL = `Kowalski|Nowak|Wiśniewski|Wójcik|Kamiński|Lewandowski|Mensah|Owusu|Boateng|Asante|Osei|Appiah|Martina|Isenia|Rosario|Silvius|Statia|Haile|Tesfay|Tekle|Ahmadi|Rahimi|Hosseini|Al-Hassan|Al-Khalil|Abdi|Warsame|Hussein|Popescu|Ionescu|Ivanov|Petrov|Nguyen|Tran|Garcia|Rodrigues|da Silva|Santos|Kovač|Horváth|Novák|Ali|Khan|Singh|Chen|Wang|Kumar|Okafor|Adeyemi|Mbeki|Zieliński|Szymański|Woźniak|Dąbrowski|Kozłowski|Jankowski|Mazur|Krawczyk|Piotrowski|Grabowski|Agyeman|Amoah|Antwi|Darko|Frimpong|Gyamfi|Kyei|Nkrumah|Ofori|Sarpong|Yeboah|Cijntje|Doran|Frans|Girigorie|Janga|Koeiman|Maduro|Pieternella|Sambo|Zimmerman|Berhane|Gebremedhin|Kidane|Mebrahtu|Tesfamariam|Woldemichael|Farah|Jama|Osman|Yusuf|Nur|Aden|Karimi|Mohammadi|Sultani|Haidari|Noori|Al-Ahmad|Haddad|Khalil|Nasser|Sabbagh|Latuheru|Pattiasina|Sahetapy|Tahapary|Wattimena|Siahaya|Li|Zhang|Liu|Huang|Lin|Pham|Le|Vu|Hoang|Pereira|Lopes|Gomes|Martins|Sousa|Fernández|López|Sánchez|Dimitrov|Georgiev|Stoica|Munteanu|Radu|Müller|Schmidt|Schneider|Smith|Brown|Wilson`;

const parseList = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);
const L = parseList;

// Tails: thousands of plausible, rarer surnames by composition (a real region has tens of
// thousands of distinct surnames; the top 100 cover only a small share of its inhabitants).
const NL_STAMMEN = L(
  'Berg|Hoek|Veld|Kamp|Brink|Dijk|Hout|Laar|Meer|Wal|Haar|Beek|Sloot|Steen|Werf|Horst|Hof|Akker|Weide|Burg|Dam|Zand|Molen|Heuvel|Brug|Poel|Bosch|Water|Gracht|Kerk|Linde|Wiel|Noord|Oost|West|Zuid|Hage|Broek|Vliet|Schoot|Haven|Kade|Stroom|Rijn|Vaart|Veen|Venne|Wolde|Hol|Koppel|Mersch|Rade|Riet|Roos|Schut|Spoor|Stal|Tol|Tuin|Wolf|Kuil|Lange|Groot|Klein|Oude|Nieuw|Hooge|Boom|Eik|Beuk|Wilg|Els|Hazel|Appel|Kers|Rog|Hooi|Koren|Vlas|Stroo|Blok|Brand|Dolle|Egge|Gans|Haan|Kooi|Lam|Mol|Pot|Rade|Schol|Slag|Stok|Vink|Wit|Zwaan',
);
const NL_SUFFIXEN = [
  'man',
  'mans',
  'stra',
  'sma',
  'inga',
  'ink',
  'huis',
  'kamp',
  'veld',
  'dijk',
  'horst',
  'ing',
  'er',
  'ers',
  'hof',
  'beek',
  'berg',
  'bos',
  'brink',
  'meijer',
  'kes',
  'sen',
  'boer',
  'hout',
];
const NL_TUSSEN = ['van', 'van de', 'van der', 'van den', 'de', 'ter', 'ten', 'van het'];

const MA_VOOR = ['El', 'Ben', 'Bou', 'Ait', 'Ou', 'Abou', 'Al', 'Ech', 'Es', 'Ez', 'Ouled'];
const MA_STAM = L(
  'Haddad|Karim|Hamdi|Tahar|Salah|Yassin|Mimoun|Kadour|Harrak|Jilali|Ouriaghli|Azzaoui|Fadili|Hakimi|Khattabi|Marrakchi|Nador|Rachid|Sbai|Zarrouk|Bakri|Chairi|Dris|Ghali|Hassani|Amrani|Idrissi|Hamdaoui|Khatib|Ouali|Moussaoui|Bakkali|Haddaoui|Allouchi|Makhloufi|Hadioui|Bouazzaoui|Ali|Aissa|Taleb|Yahyaoui|Mansouri|Kasmi|Tahiri|Zaoui|Ziani|Rifi|Fassi|Jebari|Marzouki|Kaddouri|Laaroussi|Boukhari|Charrouf|Dahmani|Ghazi|Hajji|Khalloufi|Lahlou|Mouhib|Nafi|Ouarghi|Qadiri|Sadiki|Tazi|Zahraoui|Aarab|Ennaji|Ezzaher|Azarkan|Amezian|Akrouh|Abdellaoui|Achahbar|Boutaleb|Chakir|Daoudi|Belhaj|Bennani|Rahmouni|Essafi|Haddou|Lamrani|Ouahabi|Zerouali|Saidi|Talbi|Rachidi|Mahdaoui|Hamdouchi|Meziane|Nasri|Rami|Serroukh|Touzani|Wahbi|Yousfi|Zouhri',
);
const TR_VOOR = [
  'Öz',
  'Kara',
  'Ak',
  'Ay',
  'Er',
  'Gök',
  'Al',
  'Bay',
  'Kök',
  'Tek',
  'Yıl',
  'Demir',
  'Çelik',
  'Taş',
  'Can',
  'Şen',
  'Uz',
  'Kurt',
  'Aslan',
  'Koç',
  'Sarı',
  'Yeşil',
  'Bulut',
  'Gül',
];
const TR_STAM = [
  'türk',
  'demir',
  'kaya',
  'taş',
  'dağ',
  'bulut',
  'yurt',
  'soy',
  'han',
  'can',
  'kan',
  'göz',
  'gün',
  'yol',
  'er',
  'oğlu',
  'çay',
  'yıldız',
  'ay',
  'tekin',
  'doğan',
  'alp',
  'baş',
  'kurt',
];
const SR_HIND_VOOR = [
  'Ram',
  'Soek',
  'Jag',
  'Bis',
  'Dew',
  'Har',
  'Kis',
  'Sew',
  'Bhag',
  'Bal',
  'Gan',
  'Mang',
  'Chan',
  'Rag',
  'Shiw',
];
const SR_HIND_STAM = [
  'din',
  'lal',
  'saran',
  'sing',
  'kisoen',
  'dhani',
  'nath',
  'pal',
  'dat',
  'persad',
  'bali',
  'charan',
  'koemar',
  'deo',
];
const SR_JAV_VOOR = [
  'Kromo',
  'Sastro',
  'Karijo',
  'Wongso',
  'Kasan',
  'Soeto',
  'Atmo',
  'Pawiro',
  'Setro',
  'Dipo',
  'Marto',
  'Sarmo',
];
const SR_JAV_STAM = [
  'dikromo',
  'dimedjo',
  'wirjo',
  'redjo',
  'dihardjo',
  'semito',
  'karso',
  'wikromo',
  'pawiro',
  'dongso',
];
const SR_CHIN = ['Tjon A', 'Chin A', 'Fung A', 'Tjin A', 'Ho A', 'Lie A'];
const SR_CHIN_STAM = ['Joe', 'Fat', 'Loi', 'Sen', 'Kon', 'Tsoi', 'Ten', 'Foeng', 'Lien', 'Sjoe', 'Hung', 'Kwie'];
const PL_STAM = L(
  'Kowal|Wiśniew|Wójc|Kamiń|Lewandow|Zieliń|Szymań|Woźni|Dąbrow|Kozłow|Jankow|Mazur|Krawc|Piotrow|Grabow|Pawłow|Michal|Król|Wieczor|Jabłoń|Wróbl|Majew|Olszew|Dud|Zając|Pawl|Walcz|Gór|Ruda|Sikor',
);
const PL_SUF = ['ski', 'czyk', 'ak', 'ewicz', 'owski', 'iak'];
const GH = L(
  'Ofori|Owusu|Mensah|Boateng|Asante|Osei|Appiah|Agyeman|Amoah|Antwi|Darko|Frimpong|Gyamfi|Kyei|Nkrumah|Sarpong|Yeboah|Acheampong|Adjei|Addo|Ansah|Baah|Bonsu|Danso|Donkor',
);
const ER_VOOR = ['Gebre', 'Tesfa', 'Haile', 'Wolde', 'Kidane', 'Berhane', 'Tekle', 'Mehari'];
const ER_STAM = ['medhin', 'mariam', 'selassie', 'michael', 'giorgis', 'hiwet', 'yesus', 'kidan', 'tsion', 'ab'];
const AR_STAM = L(
  'Ahmad|Hassan|Khalil|Hussein|Jaber|Obeidi|Rashid|Saleh|Zoubi|Masri|Halabi|Homsi|Shami|Tamimi|Haddad|Khatib|Najjar|Asaad',
);

function unique(list: Achternaam[]): Achternaam[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const k = `${a.tussenvoegsel ?? ''}|${a.achternaam}`.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
const plain = (achternaam: string): Achternaam => ({ tussenvoegsel: null, achternaam });
const cross = (a: string[], b: string[], join: (x: string, y: string) => string) =>
  a.flatMap((x) => b.map((y) => join(x, y)));
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** Transliteration variants of Moroccan names: 'ou' → 'o', 'ch' → 'sh', a final 'i' → 'y'. */
const maVariants = (n: string) => [n, n.replace(/ou/g, 'o'), n.replace(/ch/g, 'sh'), n.replace(/i$/, 'y')];

function nlTail(): Achternaam[] {
  return [
    ...cross(NL_STAMMEN, NL_SUFFIXEN, (st, su) => st + su).map(plain),
    ...cross(NL_TUSSEN, NL_STAMMEN, (t, st) => `${t}|${st}`).map((x) => ({
      tussenvoegsel: x.split('|')[0]!,
      achternaam: x.split('|')[1]!,
    })),
    ...cross(NL_STAMMEN.slice(0, 40), NL_STAMMEN.slice(40), (a, b) => a + lowerFirst(b)).map(plain),
  ];
}

export interface AchternaamBron {
  /** Common names (hand-made list, ordered common → rare). */
  head: Achternaam[];
  /** Rare composed names. */
  tail: Achternaam[];
  /** Share of persons of the group carrying a name from the head. */
  pHead: number;
}

const shuffle = <T>(a: T[], seed: number): T[] => {
  const out = [...a];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};
const bron = (head: Achternaam[], tail: Achternaam[], pHead: number, seed: number): AchternaamBron => {
  const h = unique(head);
  const known = new Set(h.map((a) => `${a.tussenvoegsel ?? ''}|${a.achternaam}`.toLowerCase()));
  return {
    head: h,
    tail: shuffle(
      unique(tail).filter((a) => !known.has(`${a.tussenvoegsel ?? ''}|${a.achternaam}`.toLowerCase())),
      seed,
    ),
    pHead,
  };
};

export const ACHTERNAMEN: Record<Groep, AchternaamBron> = {
  nl: bron(parseList(NL_REAL).map(split), nlTail(), 0.25, 1),
  ma: bron(
    parseList(MA_REAL).map(plain),
    cross(MA_VOOR, MA_STAM, (v, st) =>
      (v === 'Bou' || v === 'Ou') && !/^[AEIOU]/.test(st) ? v + st.toLowerCase() : `${v} ${st}`,
    )
      .flatMap(maVariants)
      .map(plain),
    0.35,
    2,
  ),
  tr: bron(parseList(TR_REAL).map(plain), cross(TR_VOOR, TR_STAM, (v, st) => v + st).map(plain), 0.5, 3),
  sr: bron(
    parseList(SR_REAL).map(plain),
    [
      ...cross(SR_HIND_VOOR, SR_HIND_STAM, (v, st) => v + st).map(plain),
      ...cross(SR_JAV_VOOR, SR_JAV_STAM, (v, st) => v + st).map(plain),
      ...cross(SR_CHIN, SR_CHIN_STAM, (v, st) => `${v} ${st}`).map(plain),
      ...nlTail().filter((_, i) => i % 12 === 0),
    ],
    0.35,
    4,
  ),
  ov: bron(
    parseList(OV_REAL).map(split),
    [
      ...cross(PL_STAM, PL_SUF, (st, su) => st + su).map(plain),
      ...cross(GH, GH.slice(0, 12), (a, b) => (a === b ? a : `${a}-${b}`)).map(plain),
      ...cross(ER_VOOR, ER_STAM, (v, st) => v + st).map(plain),
      ...AR_STAM.flatMap((a) => [`Al-${a}`, a]).map(plain),
    ],
    0.3,
    5,
  ),
};

/** Surname picker of a group: the head with a Zipf skew, the tail flatter. */
export function achternaamPicker(b: AchternaamBron): (r: () => number) => Achternaam {
  const head = zipfPicker(b.head, 0.5);
  const tail = zipfPicker(b.tail, 0.3);
  return (r) => (r() < b.pHead ? head(r()) : tail(r()));
}

// First names: adults (born roughly 1945–2005) and children (born 2008–2026), per sex.
interface Voornamen {
  v: string[];
  m: string[];
  kindV: string[];
  kindM: string[];
}

export const VOORNAMEN: Record<Groep, Voornamen> = {
  nl: {
    v: L(
      'Maria|Anna|Johanna|Linda|Sandra|Monique|Esther|Marieke|Petra|Nicole|Kim|Sanne|Lisa|Anouk|Ingrid|Patricia|Mirjam|Femke|Ilse|Laura|Eva|Iris|Manon|Chantal|Wendy|Kelly|Samantha|Elisabeth|Cornelia|Wilhelmina|Hendrika|Margaretha|Jacoba|Saskia|Annemiek|Yvonne|Marloes|Naomi|Melissa|Daphne|Jessica|Priscilla|Romy|Demi|Floor|Jolanda|Karin|Astrid|Bianca|Claudia',
    ),
    m: L(
      'Johannes|Jan|Peter|Mark|Dennis|Kevin|Jeroen|Bas|Martijn|Sander|Erik|Rob|Patrick|Michael|Richard|Marco|Ronald|Willem|Hendrik|Cornelis|Gerrit|Pieter|Ruud|Thijs|Stefan|Niels|Jordy|Mike|Danny|Jacobus|Petrus|Wilhelmus|Adrianus|Arie|Henk|Kees|Frank|Paul|Remco|Tim|Joost|Wouter|Rick|Jesse|Bart|Vincent|Maarten|Roy|Jeffrey|Marcel',
    ),
    kindV: L(
      'Emma|Julia|Sophie|Tess|Zoë|Sara|Mila|Nina|Lotte|Evi|Saar|Fenna|Anna|Noor|Lieke|Isa|Fleur|Roos|Liv|Yara|Lynn|Sanne|Femke|Olivia|Nova|Mia|Jasmijn|Noa|Elin|Maud',
    ),
    kindM: L(
      'Noah|Sem|Lucas|Levi|Daan|Finn|Luuk|Milan|Jesse|Thijs|Bram|Sven|Mees|Liam|Thomas|Max|Tim|Ruben|Gijs|Stijn|Jens|Lars|Julian|Boaz|Teun|Siem|Hugo|Morris|Benjamin|Tijn',
    ),
  },
  ma: {
    v: L(
      'Fatima|Khadija|Aicha|Naima|Malika|Samira|Nadia|Hanan|Soumaya|Ikram|Loubna|Zineb|Hafsa|Najat|Karima|Latifa|Saida|Rachida|Meryem|Houda|Imane|Salma|Fatiha|Hayat|Zohra|Mina|Jamila|Nora|Siham|Touria',
    ),
    m: L(
      'Mohammed|Mohamed|Ahmed|Youssef|Abdelkader|Mustafa|Hassan|Rachid|Said|Karim|Khalid|Mounir|Nordin|Driss|Abdel|Hamid|Omar|Brahim|Mimoun|Abdelaziz|Aziz|Jamal|Nourdin|Redouan|Samir|Tarik|Yassine|Abdellah|Hicham|Mohssine',
    ),
    kindV: L(
      'Amira|Yasmina|Nour|Lina|Malak|Ilham|Sara|Aya|Rania|Hiba|Yara|Inaya|Safae|Hajar|Douae|Maryam|Israe|Chaima|Sofia|Noor',
    ),
    kindM: L(
      'Ayoub|Adam|Rayan|Bilal|Ilias|Zakaria|Amine|Anas|Yassin|Hamza|Imran|Soufian|Mohamed|Youssef|Mehdi|Ismail|Idris|Yahya|Zayd|Nassim',
    ),
  },
  tr: {
    v: L(
      'Ayşe|Fatma|Emine|Hatice|Zeynep|Elif|Esra|Aylin|Derya|Gül|Hülya|Özlem|Sevgi|Songül|Tülay|Yasemin|Büşra|Merve|Kübra|Nurten|Sibel|Filiz|Gülşen|Serpil|Dilek',
    ),
    m: L(
      'Mehmet|Mustafa|Ahmet|Ali|Hüseyin|Hasan|İbrahim|İsmail|Osman|Yusuf|Murat|Emre|Serkan|Erkan|Kemal|Cem|Burak|Orhan|Recep|Halil|Fatih|Volkan|Ömer|Süleyman|Bülent',
    ),
    kindV: L('Elif|Defne|Zeynep|Eylül|Ecrin|Azra|Asya|Melis|Nisa|Zehra|Ela|Meryem|Hiranur|Elanur|Duru'),
    kindM: L('Yusuf|Emir|Eymen|Mert|Kerem|Berat|Ömer|Aras|Alperen|Efe|Miraç|Kaan|Yiğit|Arda|Burak'),
  },
  sr: {
    v: L(
      'Priya|Sharmila|Anita|Reshma|Sunita|Shanti|Kavita|Natasha|Gwendolyn|Jennifer|Sharon|Jacqueline|Marlene|Rosita|Cynthia|Ingrid|Sandra|Lucretia|Sarita|Asha|Rita|Joyce|Denise|Ruth|Wilma',
    ),
    m: L(
      'Ravi|Rajesh|Sunil|Anand|Dinesh|Ramon|Roy|Glenn|Rudy|Ricardo|Errol|Clyde|Orlando|Steven|Patrick|Iwan|Harold|Ashwin|Krishna|Vikash|Romeo|Edgar|Marvin|Soeresh|Radjesh',
    ),
    kindV: L('Aaliyah|Jaylinn|Shania|Anjali|Priyanka|Kiara|Naomi|Destiny|Amaya|Zoë|Maya|Riya|Chanel|Jada|Kayla'),
    kindM: L('Jayden|Dylan|Shaquille|Jaydon|Damian|Giovanni|Nathaniel|Rohan|Arjun|Dev|Jordan|Xavier|Elijah|Ryan|Kenji'),
  },
  ov: {
    v: L(
      'Anna|Katarzyna|Agnieszka|Akosua|Abena|Grace|Mercy|Shirley|Marisol|Helen|Selam|Saba|Fatuma|Maryam|Halima|Aliyah|Olena|Maria|Ana|Mei|Linh|Joanna|Ewa|Esi|Rahel',
    ),
    m: L(
      'Piotr|Tomasz|Kwame|Kofi|Emmanuel|Samuel|Jurgen|Elvis|Dawit|Yonas|Abdi|Ahmad|Ali|Mohammed|Andrei|Ion|Dmitri|Carlos|João|Minh|Wei|Kwabena|Yaw|Tesfaye|Omar',
    ),
    kindV: L('Amelia|Zuzanna|Ama|Sofia|Hanna|Maya|Lena|Adwoa|Eden|Hiba|Alicja|Victoria|Ines|Lily|Nadia'),
    kindM: L('Jakub|Kacper|Kojo|Daniel|David|Elias|Yonatan|Adam|Mateo|Leon|Oscar|Ibrahim|Aron|Samuel|Filip'),
  },
};

/** Picks from a list ordered common → rare with weight 1/(rank+2)^s. */
export function zipfPicker<T>(items: T[], s = 0.7): (u: number) => T {
  const cum: number[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += 1 / Math.pow(i + 2, s);
    cum.push(total);
  }
  return (u: number) => {
    const x = u * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

// Streets per gemeente (postcode range), for household addresses.
export const STRATEN: Record<string, { woonplaats: string; pc: [number, number]; straten: string[] }> = {
  GM0363: {
    woonplaats: 'Amsterdam',
    pc: [1011, 1109],
    straten: L(
      'Javastraat|Bos en Lommerweg|Burgemeester de Vlugtlaan|Kinkerstraat|Gooioord|Meeuwenlaan|Wibautstraat|Admiraal de Ruijterweg|Jan Evertsenstraat|Slotermeerlaan|Osdorpplein|Bijlmerdreef|Ganzenhoef|Kraaiennest|Dapperstraat|Linnaeusstraat|Insulindeweg|Molukkenstraat|Rijnstraat|Van Woustraat|Ferdinand Bolstraat|Postjesweg|Hoofdweg|Nieuwendammerdijk|Waterlandplein|Buikslotermeerplein|Zeeburgerdijk|IJburglaan|Pieter Calandlaan|Sloterweg|Plantage Middenlaan|Haarlemmerweg|Spaarndammerstraat|Van Hallstraat|Tweede Oosterparkstraat',
    ),
  },
  GM0384: {
    woonplaats: 'Diemen',
    pc: [1111, 1112],
    straten: L('Ouddiemerlaan|Hartveldseweg|Arent Krijtsstraat|Muiderstraatweg|Wilhelminaplantsoen'),
  },
  GM0362: {
    woonplaats: 'Amstelveen',
    pc: [1181, 1189],
    straten: L(
      'Van der Hooplaan|Bovenkerkerweg|Keizer Karelweg|Lindenlaan|Startbaan|Westelijk Halfrond|Sportlaan|Amsterdamseweg',
    ),
  },
  GM0358: { woonplaats: 'Aalsmeer', pc: [1431, 1433], straten: L('Zijdstraat|Ophelialaan|Stommeerweg|Oosteinderweg') },
  GM0451: {
    woonplaats: 'Uithoorn',
    pc: [1421, 1424],
    straten: L('Prinses Irenelaan|Laan van Meerwijk|Admiraal de Ruyterlaan|Koningin Julianalaan'),
  },
  GM0437: {
    woonplaats: 'Ouderkerk aan de Amstel',
    pc: [1191, 1191],
    straten: L('Dorpsstraat|Burgemeester Stramanweg|Achter-Oukoop'),
  },
};
export const ANDERE_REGIO = [
  { woonplaats: 'Haarlem', pc: [2011, 2037] as [number, number] },
  { woonplaats: 'Zaandam', pc: [1501, 1509] as [number, number] },
  { woonplaats: 'Almere', pc: [1311, 1364] as [number, number] },
  { woonplaats: 'Hoofddorp', pc: [2131, 2135] as [number, number] },
  { woonplaats: 'Purmerend', pc: [1441, 1448] as [number, number] },
];
export const ANDERE_STRATEN = L(
  'Dorpsstraat|Kerkstraat|Schoolstraat|Molenweg|Stationsweg|Julianalaan|Beatrixstraat|Parklaan',
);

// Case narratives of varied length (police zorgmeldingen are long, school and neighbour reports
// shorter): the melding row width in the benchmark should look like production, since
// werkvoorraad selects m.*.
const ZINNEN = L(
  'Politie is ter plaatse geweest na een melding van buren over geschreeuw en gestommel.|' +
    'Moeder had een zichtbare verwonding aan de arm en gaf aan dat het vaker gebeurt.|' +
    'De kinderen waren thuis en hebben de ruzie gehoord; de oudste zat huilend op de trap.|' +
    'Vader was onder invloed van alcohol en werd aangehouden voor bedreiging.|' +
    'Het is de derde zorgmelding dit jaar op dit adres; eerdere meldingen gingen over geluidsoverlast.|' +
    'De leerkracht ziet dat het kind de laatste weken vaak moe en hongerig op school komt.|' +
    'Er zijn blauwe plekken op de bovenarmen gezien tijdens de gymles.|' +
    'Het kind zegt dat papa boos was en dat mama moest huilen.|' +
    'Huisarts maakt zich zorgen over een oudere patiënte die afhankelijk is van haar zoon voor zorg.|' +
    'Zij oogt verwaarloosd en er verdwijnt geld van haar rekening.|' +
    'Ruzie tussen ex-partners bij de overdracht van de kinderen; er werd gedreigd met geweld.|' +
    'Buurvrouw hoort al maanden bijna dagelijks harde ruzies en een huilend kind.|' +
    'Melder wil onbekend blijven voor het gezin uit angst voor represailles.|' +
    'Jeugdarts constateert een achterstand in ontwikkeling en groei; ouders komen afspraken niet na.|' +
    'Er is sprake van verslavingsproblematiek bij vader en schulden in het gezin.|' +
    'Moeder geeft aan geen veilige plek te hebben en overweegt naar de opvang te gaan.|' +
    'Beide ouders ontkennen het geweld; de verklaringen spreken elkaar tegen.|' +
    'Er is een lopend traject bij het wijkteam, maar de hulpverlener heeft geen zicht op de situatie thuis.|' +
    'Het gezin woont krap; vier kinderen slapen in één kamer.|' +
    'De politie heeft een huisverbod overwogen maar niet opgelegd.|' +
    'Oma vertelt dat de kleinkinderen bang zijn om naar huis te gaan.|' +
    'Er zijn zorgen over psychische problematiek bij moeder; zij is eerder opgenomen geweest.|' +
    'De jongere is weggelopen en verbleef twee nachten bij een vriend.|' +
    'Tijdens het huisbezoek troffen agenten een vervuilde woning aan.',
);

/** 40 narratives of 1–12 sentences (about 80–1,200 characters). */
export function omschrijvingen(rand: () => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < 40; i++) {
    const n = 1 + Math.floor(Math.pow(rand(), 1.5) * 12);
    const parts: string[] = [];
    for (let j = 0; j < n; j++) parts.push(ZINNEN[Math.floor(rand() * ZINNEN.length)]!);
    out.push(parts.join(' '));
  }
  return out;
}
