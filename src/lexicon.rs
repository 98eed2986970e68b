//! Built-in data tables: countries (with demonyms and capitals), seats of
//! power, international bodies and armed groups, titles and roles,
//! organisation/event/place head words, common first names, reporting cues,
//! unnamed-source nouns, page-clutter phrases. Data only, hand-written; the
//! stages own the logic that reads it. Everything here is general world or
//! news-writing knowledge, never specific to one article.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Word lists searched often enough to deserve a hash set.
fn indexed() -> [&'static [&'static str]; 20] {
    [
        COMMON_WORDS, ORG_HEADS, ROLE_NOUNS, TITLES, FIRST_NAMES, NP_BOUNDARY, SKIP_BEFORE_CUE, TIME_WORDS, MONTHS, NON_ACTOR_HEADS, SPEECH_NOUNS, TITLE_MODIFIERS, PARTICIPLE_CUES,
        COUNTED_NOUNS, LOCATIVE, EXPERT_ROLES, ARMED_HEADS, ABBREVIATIONS, NAME_CONNECTORS, PLACE_PREFIXES,
    ]
}

/// True when `w` is in `list`: a hash lookup for the big static lists, a scan otherwise.
pub fn contains(list: &[&str], w: &str) -> bool {
    static SETS: OnceLock<FxHashMap<usize, FxHashSet<&'static str>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| indexed().iter().map(|l| (l.as_ptr() as usize, l.iter().copied().collect())).collect());
    match sets.get(&(list.as_ptr() as usize)) {
        Some(set) => set.contains(w),
        None => list.contains(&w),
    }
}

/// True when `w` is the canonical name of a built-in country.
pub fn is_country_name(w: &str) -> bool {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| COUNTRIES.iter().filter_map(|c| c.split([';', '|']).next()).collect()).contains(w)
}

/// `Name|alias…;Demonym|…;Capital|…` for each country.
pub const COUNTRIES: &[&str] = &[
    "Afghanistan;Afghan|Afghans;Kabul",
    "Pakistan|Islamic Republic of Pakistan;Pakistani|Pakistanis;Islamabad",
    "India|Republic of India;Indian|Indians;New Delhi",
    "China|People's Republic of China|PRC;Chinese;Beijing",
    "United States|US|U.S.|USA|U.S.A.|United States of America|America;American|Americans;Washington",
    "Russia|Russian Federation;Russian|Russians;Moscow",
    "Ukraine;Ukrainian|Ukrainians;Kyiv|Kiev",
    "United Kingdom|UK|U.K.|Britain|Great Britain;British;London",
    "France;French;Paris",
    "Germany;German|Germans;Berlin",
    "Italy;Italian|Italians;Rome",
    "Spain;Spanish;Madrid",
    "Turkey|Turkiye|Türkiye|Republic of Turkey;Turkish|Turks;Ankara",
    "Iran|Islamic Republic of Iran;Iranian|Iranians;Tehran",
    "Iraq;Iraqi|Iraqis;Baghdad",
    "Syria;Syrian|Syrians;Damascus",
    "Israel;Israeli|Israelis;Jerusalem",
    "Palestine|State of Palestine|Palestinian Authority|PA;Palestinian|Palestinians;Ramallah",
    "Lebanon;Lebanese;Beirut",
    "Jordan;Jordanian|Jordanians;Amman",
    "Egypt;Egyptian|Egyptians;Cairo",
    "Saudi Arabia|Kingdom of Saudi Arabia|KSA;Saudi|Saudis;Riyadh",
    "Qatar;Qatari|Qataris;Doha",
    "United Arab Emirates|UAE|Emirates;Emirati|Emiratis;Abu Dhabi",
    "Kuwait;Kuwaiti;Kuwait City",
    "Bahrain;Bahraini;Manama",
    "Oman;Omani;Muscat",
    "Yemen;Yemeni|Yemenis;Sanaa",
    "Sudan;Sudanese;Khartoum",
    "South Sudan;South Sudanese;Juba",
    "Ethiopia;Ethiopian|Ethiopians;Addis Ababa",
    "Eritrea;Eritrean;Asmara",
    "Somalia;Somali|Somalis;Mogadishu",
    "Kenya;Kenyan|Kenyans;Nairobi",
    "Uganda;Ugandan;Kampala",
    "Rwanda;Rwandan;Kigali",
    "Democratic Republic of the Congo|DRC|DR Congo|Congo;Congolese;Kinshasa",
    "Nigeria;Nigerian|Nigerians;Abuja",
    "Niger;Nigerien;Niamey",
    "Mali;Malian;Bamako",
    "Burkina Faso;Burkinabe;Ouagadougou",
    "Chad;Chadian;N'Djamena",
    "Libya;Libyan|Libyans;Tripoli",
    "Algeria;Algerian;Algiers",
    "Morocco;Moroccan;Rabat",
    "Tunisia;Tunisian;Tunis",
    "South Africa;South African;Pretoria",
    "Bangladesh;Bangladeshi|Bangladeshis;Dhaka",
    "Sri Lanka;Sri Lankan;Colombo",
    "Nepal;Nepali|Nepalese;Kathmandu",
    "Myanmar|Burma;Burmese;Naypyidaw",
    "Thailand;Thai;Bangkok",
    "Cambodia;Cambodian;Phnom Penh",
    "Vietnam|Viet Nam;Vietnamese;Hanoi",
    "Philippines|the Philippines;Philippine|Filipino|Filipinos;Manila",
    "Malaysia;Malaysian;Kuala Lumpur",
    "Indonesia;Indonesian|Indonesians;Jakarta",
    "Singapore;Singaporean;",
    "Japan;Japanese;Tokyo",
    "South Korea|Republic of Korea|ROK;South Korean|South Koreans;Seoul",
    "North Korea|DPRK;North Korean|North Koreans;Pyongyang",
    "Taiwan;Taiwanese;Taipei",
    "Mongolia;Mongolian;Ulaanbaatar",
    "Kazakhstan;Kazakh;Astana",
    "Uzbekistan;Uzbek;Tashkent",
    "Turkmenistan;Turkmen;Ashgabat",
    "Tajikistan;Tajik;Dushanbe",
    "Kyrgyzstan;Kyrgyz;Bishkek",
    "Azerbaijan;Azerbaijani|Azeri;Baku",
    "Armenia;Armenian|Armenians;Yerevan",
    "Georgia;Georgian;Tbilisi",
    "Belarus;Belarusian;Minsk",
    "Moldova;Moldovan;Chisinau",
    "Poland;Polish;Warsaw",
    "Lithuania;Lithuanian;Vilnius",
    "Latvia;Latvian;Riga",
    "Estonia;Estonian;Tallinn",
    "Finland;Finnish;Helsinki",
    "Sweden;Swedish;Stockholm",
    "Norway;Norwegian;Oslo",
    "Denmark;Danish;Copenhagen",
    "Netherlands|the Netherlands|Holland;Dutch;The Hague",
    "Belgium;Belgian;",
    "Switzerland;Swiss;Bern",
    "Austria;Austrian;Vienna",
    "Hungary;Hungarian;Budapest",
    "Czech Republic|Czechia;Czech;Prague",
    "Slovakia;Slovak;Bratislava",
    "Romania;Romanian;Bucharest",
    "Bulgaria;Bulgarian;Sofia",
    "Serbia;Serbian|Serb|Serbs;Belgrade",
    "Kosovo;Kosovar;Pristina",
    "Croatia;Croatian;Zagreb",
    "Bosnia and Herzegovina|Bosnia;Bosnian;Sarajevo",
    "Greece;Greek;Athens",
    "Cyprus;Cypriot;Nicosia",
    "Portugal;Portuguese;Lisbon",
    "Ireland;Irish;Dublin",
    "Canada;Canadian|Canadians;Ottawa",
    "Mexico;Mexican|Mexicans;Mexico City",
    "Cuba;Cuban;Havana",
    "Venezuela;Venezuelan;Caracas",
    "Colombia;Colombian;Bogota",
    "Brazil;Brazilian;Brasilia",
    "Argentina;Argentine|Argentinian;Buenos Aires",
    "Chile;Chilean;Santiago",
    "Peru;Peruvian;Lima",
    "Australia;Australian|Australians;Canberra",
    "New Zealand;;Wellington",
    "Brunei;Bruneian;Bandar Seri Begawan",
    "Laos;Lao|Laotian;Vientiane",
    "Bhutan;Bhutanese;Thimphu",
    "Maldives;Maldivian;Male",
    "Timor-Leste|East Timor;Timorese;Dili",
    "Papua New Guinea;;Port Moresby",
    "Fiji;Fijian;Suva",
    "Zimbabwe;Zimbabwean;Harare",
    "Zambia;Zambian;Lusaka",
    "Mozambique;Mozambican;Maputo",
    "Angola;Angolan;Luanda",
    "Ghana;Ghanaian;Accra",
    "Senegal;Senegalese;Dakar",
    "Cameroon;Cameroonian;Yaounde",
    "Central African Republic|CAR;Central African;Bangui",
    "Tanzania;Tanzanian;Dodoma",
    "Burundi;Burundian;Gitega",
    "Malawi;Malawian;Lilongwe",
    "Madagascar;Malagasy;Antananarivo",
    "Namibia;Namibian;Windhoek",
    "Botswana;Botswanan;Gaborone",
    "Djibouti;Djiboutian;",
    "Mauritania;Mauritanian;Nouakchott",
    "Gabon;Gabonese;Libreville",
    "Guinea;Guinean;Conakry",
    "Sierra Leone;Sierra Leonean;Freetown",
    "Liberia;Liberian;Monrovia",
    "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire;Ivorian;Abidjan",
    "Togo;Togolese;Lome",
    "Benin;Beninese;Porto-Novo",
    "Haiti;Haitian;Port-au-Prince",
    "Ecuador;Ecuadorian;Quito",
    "Bolivia;Bolivian;La Paz",
    "Paraguay;Paraguayan;Asuncion",
    "Uruguay;Uruguayan;Montevideo",
    "Nicaragua;Nicaraguan;Managua",
    "Honduras;Honduran;Tegucigalpa",
    "Guatemala;Guatemalan;Guatemala City",
    "El Salvador;Salvadoran;San Salvador",
    "Panama;Panamanian;Panama City",
    "Costa Rica;Costa Rican;San Jose",
    "Dominican Republic;Dominican;Santo Domingo",
    "Jamaica;Jamaican;Kingston",
    "Iceland;Icelandic;Reykjavik",
    "Luxembourg;;",
    "Malta;Maltese;Valletta",
    "Slovenia;Slovenian;Ljubljana",
    "Albania;Albanian;Tirana",
    "North Macedonia;Macedonian;Skopje",
    "Montenegro;Montenegrin;Podgorica",
    "Vatican|Holy See;;",
    "Azad Kashmir;;",
];

/// Seats of power used for their governments: `seat;country`.
pub const SEATS: &[&str] = &["Kremlin;Russia", "White House;United States", "Pentagon;United States", "Downing Street;United Kingdom", "Whitehall;United Kingdom", "Élysée;France", "Elysee;France", "Zhongnanhai;China", "Malacañang;Philippines", "Malacanang;Philippines"];

/// Ruling movements that are the de facto government of a country (world
/// knowledge): the country's capital and "government" forms refer to them.
pub const GOVERNS: &[(&str, &str)] = &[("Taliban", "Afghanistan")];

/// Organisations (`o`) and armed groups (`g`): `kind;Canonical|alias…`.
pub const BODIES: &[&str] = &[
    "g;Taliban|Afghan Taliban|Islamic Emirate|Islamic Emirate of Afghanistan|Taleban",
    "g;Tehreek-e-Taliban Pakistan|TTP|Tehrik-e-Taliban Pakistan|Tehrik-i-Taliban Pakistan|Tehreek-i-Taliban Pakistan|Pakistani Taliban|Pakistan Taliban|Tehrik-e-Taliban|Tehreek-e-Taliban",
    "g;Balochistan Liberation Army|BLA|Baloch Liberation Army",
    "g;Haqqani network|Haqqani Network|Haqqanis",
    "g;ISIS-K|ISIL-K|ISKP|IS-K|Islamic State Khorasan|Islamic State Khorasan Province|Islamic State-Khorasan",
    "g;Islamic State|ISIS|ISIL|Daesh",
    "g;al-Qaeda|al-Qaida|Al-Qaeda|Al Qaeda|al Qaeda|Al-Qaida",
    "g;Hamas",
    "g;Palestinian Islamic Jihad|PIJ|Islamic Jihad",
    "g;Hezbollah|Hizbollah|Hizballah",
    "g;Houthis|Houthi|Ansar Allah|Ansarallah|Houthi rebels",
    "g;Rapid Support Forces|RSF",
    "o;Sudanese Armed Forces|SAF",
    "g;Wagner Group|Wagner",
    "g;al-Shabaab|al-Shabab|Al-Shabaab|Al-Shabab",
    "g;Boko Haram",
    "g;Islamic State West Africa Province|ISWAP",
    "g;Jama'at Nusrat al-Islam wal-Muslimin|JNIM",
    "g;Hayat Tahrir al-Sham|HTS",
    "g;Syrian Democratic Forces|SDF",
    "g;Kurdistan Workers' Party|PKK",
    "g;People's Protection Units|YPG",
    "g;Lashkar-e-Taiba|LeT|Lashkar-e-Toiba",
    "g;Jaish-e-Mohammed|JeM|Jaish-e-Muhammad",
    "g;Hizbul Mujahideen",
    "g;The Resistance Front|TRF",
    "g;M23|March 23 Movement",
    "g;Arakan Army",
    "g;National Resistance Front|NRF",
    "g;Northern Alliance",
    "g;Kataib Hezbollah|Kata'ib Hezbollah",
    "g;Popular Mobilization Forces|PMF",
    "g;FARC",
    "g;Tigray People's Liberation Front|TPLF",
    "o;Inter-Services Intelligence|ISI",
    "o;Inter-Services Public Relations|ISPR",
    "o;Research and Analysis Wing|RAW",
    "o;Central Intelligence Agency|CIA",
    "o;Mossad",
    "o;Federal Security Service|FSB",
    "o;Security Service of Ukraine|SBU",
    "o;Israel Defense Forces|IDF|Israel Defence Forces",
    "o;People's Liberation Army|PLA",
    "o;China Coast Guard|CCG",
    "o;Philippine Coast Guard|PCG",
    "o;Islamic Revolutionary Guard Corps|IRGC|Revolutionary Guards",
    "o;State Department|US State Department|U.S. State Department",
    "o;United Nations|UN|U.N.",
    "o;UN Security Council|UNSC|United Nations Security Council|U.N. Security Council|Security Council",
    "o;UN General Assembly|UNGA|United Nations General Assembly",
    "o;UN Human Rights Council|UNHRC|Human Rights Council",
    "o;UN Assistance Mission in Afghanistan|UNAMA",
    "o;UNHCR|UN refugee agency",
    "o;UNICEF",
    "o;World Food Programme|WFP|World Food Program",
    "o;World Health Organization|WHO|World Health Organisation",
    "o;OCHA|UN Office for the Coordination of Humanitarian Affairs",
    "o;UNRWA",
    "o;International Atomic Energy Agency|IAEA",
    "o;NATO|Nato|North Atlantic Treaty Organization",
    "o;European Union|EU|E.U.",
    "o;European Commission",
    "o;African Union|AU",
    "o;ASEAN|Association of Southeast Asian Nations",
    "o;Arab League",
    "o;Organisation of Islamic Cooperation|OIC|Organization of Islamic Cooperation",
    "o;Gulf Cooperation Council|GCC",
    "o;Shanghai Cooperation Organisation|SCO|Shanghai Cooperation Organization",
    "o;International Monetary Fund|IMF",
    "o;World Bank",
    "o;International Criminal Court|ICC",
    "o;International Court of Justice|ICJ",
    "o;International Committee of the Red Cross|ICRC|Red Cross",
    "o;Médecins Sans Frontières|MSF|Doctors Without Borders",
    "o;Amnesty International|Amnesty",
    "o;Human Rights Watch|HRW",
    "o;OSCE|Organization for Security and Co-operation in Europe",
    "o;Financial Action Task Force|FATF",
    "o;Interpol",
    "o;Armed Conflict Location & Event Data Project|ACLED|Armed Conflict Location & Event Data",
    "o;International Crisis Group|Crisis Group",
    "o;Stockholm International Peace Research Institute|SIPRI",
    "o;Institute for the Study of War|ISW",
    "o;National Counter Terrorism Authority|NACTA",
    "o;Reuters",
    "o;Associated Press|AP",
    "o;Agence France-Presse|AFP",
    "o;BBC",
    "o;Al Jazeera",
    "o;CNN",
    "o;Xinhua",
    "o;TASS",
];

/// Capitalised titles that precede a name (lowercased, multi-word allowed).
pub static TITLES: &[&str] = &[
    "president", "vice president", "prime minister", "pm", "minister", "foreign minister", "defence minister", "defense minister", "interior minister", "information minister",
    "finance minister", "deputy", "acting", "former", "secretary", "foreign secretary", "secretary of state", "secretary-general", "secretary general", "chancellor", "king", "queen", "prince",
    "crown prince", "emir", "sheikh", "ayatollah", "supreme leader", "general", "gen.", "lt.", "lt", "lieutenant", "major general", "maj.", "brig.", "brigadier", "colonel", "col.", "admiral",
    "field marshal", "marshal", "commander", "chief", "army chief", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "special representative", "special envoy", "senator",
    "sen.", "representative", "rep.", "governor", "gov.", "mayor", "mullah", "maulana", "mufti", "imam", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.", "professor",
    "judge", "justice", "chief justice", "pope", "speaker", "chairman", "chairwoman", "chair", "director", "director-general", "director general", "head", "leader", "commissioner",
    "high commissioner", "sgt.", "capt.", "captain", "sultan", "lawmaker", "senior", "chief of staff", "national security adviser", "adviser", "advisor", "premier", "chief minister",
    "army", "defence", "defense", "foreign", "interior", "information", "finance", "state", "security", "national", "general secretary", "attorney general", "army chief general",
];

/// Lowercase role nouns that introduce a name ("spokesperson Zabihullah Mujahid")
/// or stand for a person ("the minister said").
pub static ROLE_NOUNS: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "leader", "chief", "commander", "minister", "president", "ambassador", "envoy", "official", "analyst", "researcher", "professor",
    "expert", "director", "head", "general", "secretary", "adviser", "advisor", "aide", "negotiator", "representative", "diplomat", "correspondent", "journalist", "governor", "mayor",
    "senator", "lawmaker", "legislator", "deputy", "founder", "chairman", "candidate", "activist", "scholar", "fellow", "economist", "commentator", "premier", "counterpart", "cleric",
    "militant", "member", "officer", "colonel", "captain", "judge", "prosecutor", "lecturer", "strategist", "observer", "mufti", "mullah", "king", "prince", "emir", "envoy",
];

/// Role words that make a person's statements assessments (analysts, not parties).
pub static EXPERT_ROLES: &[&str] = &[
    "analyst", "researcher", "professor", "expert", "scholar", "fellow", "economist", "commentator", "lecturer", "strategist", "observer", "former", "retired", "academic", "historian",
];

/// Head words that make a capitalised name an organisation.
pub static ORG_HEADS: &[&str] = &[
    "ministry", "department", "office", "agency", "authority", "commission", "committee", "council", "assembly", "parliament", "senate", "congress", "court", "tribunal", "bank",
    "fund", "organisation", "organization", "institute", "institution", "university", "college", "school", "centre", "center", "foundation", "association", "union", "federation",
    "league", "party", "army", "navy", "air force", "forces", "force", "guard", "guards", "police", "corps", "intelligence", "directorate", "bureau", "board", "secretariat", "cabinet",
    "government", "administration", "company", "corporation", "inc", "ltd", "times", "post", "news", "tribune", "journal", "herald", "press", "project", "programme", "program",
    "watch", "observatory", "mission", "crescent", "network", "group", "alliance", "coalition", "front", "movement", "brigade", "brigades", "battalion", "regiment", "militia",
    "resistance", "mujahideen", "taliban", "jihad", "brotherhood", "emirate", "services", "service", "command", "society", "initiative", "trust", "academy", "establishment",
    "staff",
];

/// Head words that make an organisation an armed group.
pub static ARMED_HEADS: &[&str] = &[
    "front", "brigade", "brigades", "battalion", "militia", "resistance", "mujahideen", "jihad", "taliban", "liberation", "rebels", "insurgents", "fighters", "movement", "emirate", "alliance",
];

/// Head words of events, agreements and places: never actors.
pub static NON_ACTOR_HEADS: &[&str] = &[
    "agreement", "accord", "accords", "treaty", "talks", "summit", "conference", "consultations", "format", "process", "deal", "pact", "ceasefire", "declaration", "war", "operation",
    "offensive", "campaign", "crisis", "day", "plan", "act", "law", "resolution", "convention", "protocol", "jirga", "dialogue", "corridor", "line", "strait", "sea", "ocean", "river",
    "valley", "province", "district", "region", "city", "county", "mountains", "border", "crossing", "pass", "airport", "base", "square", "street", "island", "islands", "gulf", "bay",
    "peninsula", "shoal", "reef", "strip", "bank", "desert", "lake", "road", "highway", "bridge", "dam", "port", "state", "states", "territory", "territories", "zone", "camp", "hospital",
    "mosque", "church", "palace", "prize", "award", "cup", "games", "olympics", "scenario", "phase", "round", "session", "meeting", "visit", "doctrine", "strategy", "policy", "cabinet",
];

/// Prefixes that make a two-word name a place (South Waziristan, North Kivu).
pub static PLACE_PREFIXES: &[&str] = &["north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower", "central", "greater", "new", "port", "mount", "lake", "fort", "san", "santa", "el"];

/// Common given names from many regions: a two-word capitalised name starting
/// with one of these is a person.
pub static FIRST_NAMES: &[&str] = &[
    "abdul", "abdullah", "ahmad", "ahmed", "ali", "amir", "ameer", "ashraf", "asif", "asim", "atta", "attaullah", "bilal", "fazl", "fazlur", "gul", "hamid", "hassan", "hasan", "hussain",
    "hussein", "imran", "ishaq", "ismail", "javed", "karim", "khalid", "khawaja", "mahmood", "mahmoud", "mohammad", "mohammed", "muhammad", "mohamed", "mullah", "nawaz", "noor", "omar",
    "osama", "qamar", "rashid", "salahuddin", "shehbaz", "shahbaz", "sher", "sirajuddin", "tariq", "usman", "yousaf", "yusuf", "zabihullah", "zalmay", "zahir", "seema", "benazir",
    "asma", "malala", "maryam", "fatima", "ayesha", "aisha", "bilawal", "hina", "sherry", "vikram", "narendra", "rajnath", "subrahmanyam", "amit", "rahul", "sonia", "ajit", "jaishankar",
    "yahya", "ismail", "khaled", "abdel", "abdelfattah", "fattah", "mohamad", "hamdan", "abdalla", "abdallah", "ibrahim", "yasser", "mahmud", "benjamin", "yoav", "isaac", "itamar",
    "bezalel", "naftali", "yair", "volodymyr", "vladimir", "dmitry", "sergei", "sergey", "andriy", "andrii", "oleksandr", "olena", "valerii", "kyrylo", "rustem", "maria", "mikhail",
    "alexei", "alexander", "xi", "wang", "li", "mao", "lin", "zhao", "hua", "ferdinand", "gilberto", "jay", "enrique", "joe", "donald", "kamala", "antony", "marco", "lloyd", "pete",
    "jake", "john", "james", "robert", "michael", "david", "richard", "mark", "paul", "peter", "george", "william", "thomas", "charles", "daniel", "matthew", "andrew", "emmanuel",
    "olaf", "friedrich", "keir", "rishi", "boris", "ursula", "kaja", "josep", "antonio", "antónio", "recep", "hakan", "tayyip", "masoud", "ebrahim", "abbas", "hossein", "ali-akbar",
    "kim", "yoon", "fumio", "shigeru", "anthony", "mary", "elizabeth", "sarah", "susan", "anna", "anne", "jennifer", "linda", "karen", "nancy", "jean", "pierre", "hans", "carlos",
    "juan", "jose", "luis", "luiz", "nicolas", "gustavo", "javier", "ahmet", "mustafa", "mehmet", "hamza", "haji", "sayed", "syed", "mir", "sardar", "shah", "nasir", "nasser", "jamal",
];

/// Nouns that name an unnamed source, mapped to the plural label shown.
pub const UNNAMED_SOURCES: &[(&str, &str)] = &[
    ("sources", "sources"), ("source", "sources"), ("officials", "officials"), ("official", "officials"), ("analysts", "analysts"), ("analyst", "analysts"), ("experts", "experts"),
    ("expert", "experts"), ("observers", "observers"), ("diplomats", "diplomats"), ("diplomat", "diplomats"), ("reports", "reports"), ("report", "reports"), ("witnesses", "witnesses"),
    ("witness", "witnesses"), ("residents", "residents"), ("critics", "critics"), ("insiders", "insiders"), ("commentators", "commentators"), ("media", "reports"),
    ("sources familiar", "sources"), ("people", "sources"), ("authorities", "officials"), ("security officials", "officials"), ("police", "police"), ("medics", "medics"),
    ("doctors", "medics"), ("aid workers", "aid workers"), ("activists", "activists"), ("observers", "observers"), ("scholars", "analysts"), ("researchers", "analysts"),
];

/// Labels of unnamed sources whose claims are assessments.
pub const ASSESSING_SOURCES: &[&str] = &["analysts", "experts", "observers", "commentators", "critics"];

/// Nouns of speech: "X's statement that …", "His remarks", "Pakistan's message is clear: …".
pub static SPEECH_NOUNS: &[&str] = &[
    "statement", "statements", "remarks", "comments", "message", "messaging", "position", "view", "stance", "plea", "demand", "demands", "warning", "argument", "claim", "claims",
    "response", "assessment", "allegation", "allegations", "accusation", "accusations", "denial", "verdict", "conclusion", "line", "assertion", "insistence", "complaint", "proposal",
    "conditions", "terms", "pledge", "threat", "ultimatum", "request", "call", "appeal",
];

/// Abbreviations that do not end a sentence (folded, without the dot).
pub static ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "rev", "prof", "st", "jr", "sr", "no", "nos", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "univ", "approx", "e.g", "i.e", "brig", "cmdr", "hon", "mt", "ft", "fig", "al",
];

/// Months, folded.
pub static MONTHS: &[&str] = &["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Weekdays and other time words that are never actors.
pub static TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "week", "weeks", "month", "months", "year", "years", "day", "days",
    "night", "morning", "evening", "afternoon", "weekend", "earlier", "later", "recently", "last", "this", "next", "past", "ago", "now", "time",
];

/// Whole lines (folded, trailing punctuation removed) that are site clutter.
pub const CLUTTER_LINES: &[&str] = &[
    "support our journalism", "follow us", "text size", "leave a comment", "leave a reply", "comments", "comment", "most popular", "most read", "advertisement", "share",
    "share this article", "share this", "subscribe", "sign up", "newsletter", "read more", "related", "related articles", "related stories", "trending", "trending now",
    "please enter your comment", "please enter your name here", "you have entered an incorrect email address", "replying to x", "scorecardresearch", "epaper", "menu", "search",
    "skip to content", "skip to main content", "log in", "login", "sign in", "register", "home", "print", "email", "facebook", "twitter", "whatsapp", "telegram", "linkedin",
    "more", "load more", "view comments", "show comments", "recommended", "you may also like", "don't miss", "top stories", "latest news", "breaking news", "watch", "listen",
    "listen to this article", "save", "saved", "copy link", "link copied", "opinion", "analysis", "world", "news", "asia", "editor's picks", "sponsored", "ad", "close",
];

/// Line prefixes (folded) that mark site clutter.
pub const CLUTTER_PREFIXES: &[&str] = &[
    "also read", "read more:", "read also", "subscribe to", "sign up for", "follow us on", "click here", "for more information, please see", "comments are moderated", "copyright",
    "©", "all rights reserved", "download the app", "join our", "we are now on", "today's paper", "support independent", "get the latest", "get our", "this article was",
    "published in", "first published", "updated:", "published:", "last updated", "image:", "photo:", "photo credit", "file photo", "(file photo", "listen to this",
];

/// Line prefixes (folded) of author bios, disclaimers and editing credits.
pub const METADATA_PREFIXES: &[&str] = &[
    "the writer is", "the writer", "the author is", "the author", "the views", "*the views", "views expressed", "disclaimer", "edited by", "(edited by", "the views and opinions",
    "he can be reached", "she can be reached", "the opinions expressed", "written by", "reporting by", "additional reporting", "editing by", "compiled by",
];

/// Lines (folded) after which, in the second half of a page, nothing is article.
pub const TAIL_MARKERS: &[&str] = &[
    "comments", "leave a reply", "leave a comment", "support our journalism", "subscribe to our channels", "most popular", "most read", "related articles", "related stories",
    "share this article", "you may also like", "more from", "recommended", "trending", "read more", "also read", "post a comment", "add a comment", "join the conversation",
];

/// Title words that only modify a following title ("Foreign" Minister, "Acting" President).
pub static TITLE_MODIFIERS: &[&str] = &[
    "deputy", "acting", "former", "foreign", "defence", "defense", "interior", "information", "finance", "army", "state", "security", "national", "senior", "vice", "prime", "supreme",
    "special", "crown", "high", "field", "major", "lieutenant", "attorney",
];

/// Lowercase words that may join the capitalised words of one name.
pub static NAME_CONNECTORS: &[&str] = &["of", "for", "&", "and", "the", "de", "al", "bin", "ibn", "van", "von", "la", "le", "du", "da", "on", "in"];

/// Function words and common sentence starters: capitalised only because a sentence starts with them.
pub static COMMON_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "so", "if", "as", "to", "of", "not", "no", "yes", "he", "she", "they", "we", "i", "you", "it", "its", "his", "her", "their", "our",
    "my", "your", "is", "was", "were", "are", "be", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "do", "does", "did", "this", "that",
    "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "why", "how", "when", "where", "while", "though", "although", "however", "yet", "also", "even",
    "unless", "until", "such", "many", "both", "some", "most", "several", "other", "others", "each", "every", "in", "on", "at", "by", "for", "from", "with", "without", "under",
    "over", "after", "before", "during", "behind", "between", "amid", "among", "like", "much", "now", "then", "meanwhile", "moreover", "furthermore", "similarly", "likewise",
    "simultaneously", "instead", "still", "only", "just", "despite", "following", "according", "building", "since", "because", "once", "whether", "either", "neither", "further",
    "finally", "first", "second", "third", "fourth", "last", "next", "another", "all", "any", "few", "more", "less", "one", "two", "three", "four", "five", "talks", "tensions",
    "fighting", "analysts", "sources", "officials", "reports", "experts", "regional", "scenario", "formed", "though", "indeed", "thus", "therefore", "hence", "clearly",
    "unlike", "beyond", "within", "across", "through", "toward", "towards", "into", "upon", "about", "against", "around", "along", "above", "below", "near", "until", "via",
    "nearly", "almost", "about", "around", "over", "some", "dozens", "hundreds", "thousands", "several", "recent", "latest", "new", "former", "current", "in", "later", "earlier",
];

/// Prepositions after which a capital city is a place, not its government.
pub static LOCATIVE: &[&str] = &["in", "at", "to", "from", "near", "via", "across", "into", "inside", "outside", "around", "visited", "visit", "toward", "towards", "through", "within", "throughout", "between", "reached", "left"];

/// Acronyms that are never actors.
pub const NON_ACTOR_ACRONYMS: &[&str] = &[
    "OK", "TV", "AM", "PM", "CEO", "GDP", "UTC", "GMT", "COVID", "AI", "ID", "II", "III", "IV", "VI", "VII", "VIP", "NGO", "NGOs", "USD", "KM", "HQ", "FAQ", "PDF", "URL", "EPAPER",
    "COMMENTS", "CPEC", "LOC", "LoC", "IED", "IEDs", "UAV", "UAVs", "MW", "GW", "BCE", "CE", "AD", "BC", "CARs", "ET", "PT", "EST", "PST", "BST", "IST", "PKT", "CET",
];

/// Reporting cues: `forms;class;frame`. Classes: s statement, r report,
/// e assessment, t threat, d denial, a accusation, m demand. Frames:
/// c content follows, of/for/to/as a preposition introduces the content
/// after an object, i the cue itself starts the content, n a clause must
/// follow (`that`, `:`, a quote or a finite verb).
pub const CUES: &[&str] = &[
    "say|says|said|saying;s;c",
    "stated|states|stating;s;c",
    "told|tells|telling;s;told",
    "added|adds|adding;s;n",
    "noted|notes|noting;s;n",
    "stressed|stresses|stressing;s;c",
    "emphasised|emphasized|emphasises|emphasizes|emphasising|emphasizing;s;c",
    "declared|declares|declaring;s;c",
    "announced|announces|announcing;s;n",
    "insisted|insists|insist|insisting;s;c",
    "maintained|maintains;s;n",
    "asserted|asserts|asserting;s;c",
    "explained|explains;s;n",
    "wrote|writes;s;n",
    "reiterated|reiterates|reiterating;s;c",
    "ruled|rules;s;n",
    "caution|cautions|cautioned;t;c",
    "affirmed|reaffirmed|affirms;s;c",
    "acknowledged|acknowledges|admitted|admits|conceded|concedes;s;n",
    "expressed|expresses;s;c",
    "responded|replied;s;n",
    "reported|reporting;r;c",
    "confirmed|confirms|confirming;r;c",
    "revealed|reveals|revealing|disclosed|discloses;r;c",
    "claimed|claims|claim|claiming;r;c",
    "indicate|indicates|indicated|show|shows|showed;r;n",
    "estimated|estimates;r;n",
    "alleged|alleges|alleging;a;c",
    "accused|accuses|accuse|accusing;a;of",
    "blamed|blames|blame|blaming;a;for",
    "condemned|condemns|condemning|criticised|criticized|criticises|criticizes|slammed|slams;a;c",
    "denied|denies|deny|denying;d;c",
    "disputed|disputes|dispute|disputing|contested|contests;d;c",
    "rejected|rejects|reject|rejecting;d;c",
    "dismissed|dismisses|dismissing|refuted|refutes|rebuffed|rebuffs;d;c",
    "refused|refuses|refusing;d;c",
    "warned|warns|warn|warning;t;c",
    "threatened|threatens|threatening;t;c",
    "vowed|vows|vowing|pledged|pledges|pledging;t;i",
    "demanded|demands|demand|demanding;m;c",
    "urged|urges|urge|urging;m;to",
    "asked|asks|asking;m;to",
    "ordered|orders|ordering;m;to",
    "pressed|presses|pressing;m;to",
    "called|calls|calling;m;to",
    "seek;m;c",
    "argued|argues|argue|arguing;e;c",
    "believe|believes|believed;e;c",
    "think|thinks;e;n",
    "expect|expects;e;n",
    "predicted|predicts|predict|forecast;e;c",
    "suggest|suggests|suggested;e;n",
    "viewed|views|view|regards|regarded;s;as",
    "list|lists|listed|designate|designates|designated|labelled|labeled|brands|branded;s;as",
    "described|describes|describing;s;c",
    "consider|considers|considered;e;c",
];

/// -ing forms that attach a claim to the main clause's subject (", saying …").
pub static PARTICIPLE_CUES: &[&str] = &[
    "saying", "stating", "adding", "noting", "insisting", "claiming", "warning", "vowing", "demanding", "urging", "accusing", "denying", "asserting", "arguing", "threatening",
    "alleging", "stressing", "emphasising", "emphasizing", "declaring", "blaming", "rejecting", "dismissing", "calling", "pledging", "confirming", "reiterating",
];

/// Words skipped between a subject and its reporting verb.
pub static SKIP_BEFORE_CUE: &[&str] = &[
    "has", "have", "had", "also", "again", "repeatedly", "long", "already", "reportedly", "publicly", "recently", "previously", "further", "then", "once", "quietly", "now", "still",
    "rightly", "clearly", "openly", "explicitly", "strongly", "firmly", "separately", "later", "earlier", "initially", "been", "is", "was", "were", "are", "would", "will", "could",
    "may", "might", "should", "can", "did", "does", "do", "continues", "continued", "continue", "to", "formally", "officially", "privately", "angrily", "swiftly", "immediately",
    "flatly", "categorically", "vehemently", "sharply", "furthermore", "likewise", "similarly", "however", "today", "yesterday", "subsequently", "finally", "just", "even",
    "become", "became", "becomes", "grown", "grew", "extremely", "first", "privately", "separately", "jointly", "very", "highly", "increasingly", "deeply", "more", "most", "being",
];

/// Words that end a subject noun phrase when scanning left from a cue.
pub static NP_BOUNDARY: &[&str] = &[
    "after", "before", "during", "following", "despite", "when", "while", "as", "if", "because", "since", "although", "though", "that", "which", "who", "whom", "where", "but", "or",
    "so", "yet", "than", "whereas", "unless", "until", "once", "and", "nor", "to", "by", "about", "over", "against", "into", "onto", "upon", "whether", "how", "what", "why", "it",
];

/// Folded markers that make a statement a threat.
pub const THREAT_MARKERS: &[&str] = &[
    "retaliat", "will respond", "response that will", "a lesson", "consequences", "heavy price", "pay the price", "reserves the right", "all necessary measures",
    "all essential measures", "will not support", "will not tolerate", "no nation can allow", "will not allow", "or face", "will face", "will be met", "befitting", "all options",
    "take action against", "will strike", "will hit back", "decisive response", "would be met", "be met with", "respond firmly", "hunt down", "will pay",
    "pay dearly", "not unlimited", "will not go unanswered", "will not remain silent", "will be held accountable", "nothing to fear as long as",
];

/// Folded markers that make a statement about another actor an accusation.
pub const ACCUSATION_MARKERS: &[&str] = &[
    "harbor", "harbour", "safe haven", "sanctuar", "supports terror", "support terror", "sponsor", "involvement in", "violat", "aggression", "duplicity", "failed to", "failing to",
    "unwilling", "refuses to", "blame game", "proxy", "complicit", "responsible for", "war crime", "genocide", "atrocit", "massacre", "backing", "backed", "arming", "funding",
    "provocation", "provoc", "illegal", "unlawful", "lies", "propaganda", "deliberately", "targeted civilians", "occupation",
];

/// Counted nouns for figures in claims.
pub static COUNTED_NOUNS: &[&str] = &[
    "soldiers", "troops", "civilians", "fighters", "militants", "people", "children", "women", "men", "police", "policemen", "officers", "personnel", "posts", "attacks", "drones",
    "missiles", "rockets", "tanks", "casualties", "insurgents", "terrorists", "members", "workers", "patients", "residents", "rebels", "combatants", "hostages", "prisoners",
    "vehicles", "aircraft", "jets", "ships", "vessels", "villages", "clashes", "incidents", "strikes", "deaths", "persons", "individuals", "journalists", "students", "refugees",
];

/// Words that never belong to a role phrase before a name.
pub const NP_BOUNDARY_ROLE: &[&str] = &["the", "a", "an", "and", "of", "in", "by", "with", "said", "says"];

/// Folded markers strong enough to make a statement an accusation on their own.
pub const STRONG_ACCUSATION_MARKERS: &[&str] = &[
    "lies", "massacre", "war crime", "genocide", "atrocit", "human shield", "fabricat", "cover up", "illegally", "intrude", "intrusion", "inflated", "hiding among",
    "ethnic cleansing", "terrorist state", "state terror", "crimes against", "collective punishment", "blame game", "duplicity", "provocation", "aggression",
];

/// Folded markers of a denial: the speaker negates a claim about itself.
pub const DENIAL_MARKERS: &[&str] = &[
    "baseless", "unfounded", "incorrect", "not true", "untrue", "false", "no evidence", "nothing to do with", "not involved", "no role", "there was no", "does not", "did not",
    "do not", "never", "no involvement", "categorically", "nothing else", "had been hacked", "not responsible",
];

/// Folded markers of a forecast or judgement: assessments.
pub const ASSESSMENT_MARKERS: &[&str] = &["likely", "unlikely", "probably", "in the coming", "expected to", "is no safe", "no safe place", "could soon", "may soon", "risk of"];

/// Folded markers of a demand in a party's own words.
pub const DEMAND_MARKERS: &[&str] = &["should stop", "must stop", "should immediately", "must immediately", "should not", "must not", "should refrain", "must refrain", "stop using", "call on", "calls on", "we urge", "we demand", "must be held", "must end", "should end", "must withdraw", "should withdraw"];
