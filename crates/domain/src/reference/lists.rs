//! The small reference lists, from `docs/domain.md` and the field documents the project started from.

use super::{RefEntry, ReferenceList};

const fn e(code: &'static str, nl: &'static str, en: &'static str) -> RefEntry {
    RefEntry { code, nl, en }
}

pub static ACTIVITY_TYPES: ReferenceList = ReferenceList {
    name: "activity_type",
    version: 1,
    entries: &[
        e("home_visit", "Huisbezoek", "Home visit"),
        e("group_meeting", "Gespreksbijeenkomst", "Group conversation meeting"),
        e("individual_talk", "Individueel gesprek", "One-to-one talk"),
        e("phone_contact", "Telefonisch contact", "Phone contact"),
        e("drop_in_hour", "Spreekuur", "Drop-in hour"),
        e("mediation", "Bemiddeling", "Mediation"),
        e("training", "Training of workshop", "Training or workshop"),
        e("other", "Overig", "Other"),
    ],
};

pub static THEMES: ReferenceList = ReferenceList {
    name: "theme",
    version: 1,
    entries: &[
        e("huiselijk_geweld", "Huiselijk geweld", "Domestic violence"),
        e("partnergeweld", "Partnergeweld", "Partner violence"),
        e("kindermishandeling", "Kindermishandeling", "Child abuse"),
        e("ouderenmishandeling", "Ouderenmishandeling", "Elder abuse"),
        e("eergerelateerd_geweld", "Eergerelateerd geweld", "Honour-based violence"),
        e("huwelijksdwang", "Huwelijksdwang", "Forced marriage"),
        e("huwelijksgevangenschap", "Huwelijksgevangenschap", "Marital captivity"),
        e("achterlating", "Achterlating", "Abandonment abroad"),
        e(
            "vrouwelijke_genitale_verminking",
            "Meisjesbesnijdenis / vrouwelijke genitale verminking",
            "Female genital mutilation",
        ),
        e("lhbti_discriminatie", "Discriminatie van LHBTI-personen", "Anti-LGBTI discrimination"),
        e("zelfbeschikking", "Zelfbeschikking en sociale controle", "Self-determination and social control"),
        e("isolement", "Isolement", "Isolation"),
        e("mensenhandel", "Mensenhandel", "Human trafficking"),
        e("schulden_armoede", "Schulden en armoede", "Debt and poverty"),
        e("opvoeding", "Opvoeding", "Parenting"),
        e("psychische_nood", "Psychische nood", "Mental distress"),
        e("overig", "Overig", "Other"),
    ],
};

/// Kinds of organisation: where a referral goes, and which kind of professional took part in an activity.
pub static ORGANISATIONS: ReferenceList = ReferenceList {
    name: "organisation",
    version: 1,
    entries: &[
        e("veilig_thuis", "Veilig Thuis", "Veilig Thuis (domestic violence advice and reporting centre)"),
        e("wijkteam", "Wijkteam / sociaal wijkteam", "Neighbourhood social team"),
        e("huisarts", "Huisarts", "General practitioner"),
        e("politie", "Politie", "Police"),
        e(
            "lkha",
            "Landelijk Knooppunt Huwelijksdwang en Achterlating (LKHA)",
            "National Forced Marriage and Abandonment Hub (LKHA)",
        ),
        e("ggd", "GGD", "Municipal public health service (GGD)"),
        e("vrouwenopvang", "Vrouwenopvang / Blijf van m'n Lijf", "Women's shelter"),
        e("amw", "Algemeen maatschappelijk werk", "General social work"),
        e("schuldhulpverlening", "Schuldhulpverlening", "Debt counselling"),
        e("jeugdzorg_cjg", "Jeugdzorg / CJG", "Youth care / family centre (CJG)"),
        e("ggz", "GGZ", "Mental health care"),
        e("slachtofferhulp", "Slachtofferhulp", "Victim support"),
        e("juridisch_loket", "Juridisch Loket / sociaal raadslieden", "Legal aid desk / social counsellors"),
        e("other", "Overig", "Other"),
    ],
};

/// Historic organisation codes that map forward: the ASHG (Advies- en Steunpunt Huiselijk Geweld) and the AMK
/// (Advies- en Meldpunt Kindermishandeling) merged into Veilig Thuis in 2015.
pub fn historic_organisation(code: &str) -> Option<&'static str> {
    match code.to_ascii_lowercase().as_str() {
        "ashg" | "steunpunt_huiselijk_geweld" | "amk" | "shg" => Some("veilig_thuis"),
        _ => None,
    }
}

pub static LOCATION_TYPES: ReferenceList = ReferenceList {
    name: "location_type",
    version: 1,
    entries: &[
        e("home", "Bij iemand thuis", "At someone's home"),
        e("mosque", "Moskee", "Mosque"),
        e("church", "Kerk", "Church"),
        e("other_religious", "Andere gebedsruimte", "Other place of worship"),
        e("community_centre", "Buurthuis / wijkcentrum", "Community centre"),
        e("self_organisation", "Zelforganisatie / vereniging", "Community organisation"),
        e("school", "School", "School"),
        e("cjg", "CJG", "Family centre (CJG)"),
        e("library", "Bibliotheek", "Library"),
        e("professional_office", "Bij een hulpverlener", "At a professional's office"),
        e("public_space", "Openbare ruimte", "Public space"),
        e("online", "Online", "Online"),
        e("phone", "Telefoon", "Phone"),
        e("other", "Overig", "Other"),
    ],
};

/// Languages used in an activity. Codes are ISO 639 where one exists.
pub static LANGUAGES: ReferenceList = ReferenceList {
    name: "language",
    version: 1,
    entries: &[
        e("nl", "Nederlands", "Dutch"),
        e("en", "Engels", "English"),
        e("tr", "Turks", "Turkish"),
        e("ar", "Arabisch", "Arabic"),
        e("tzm", "Tamazight (Berbers)", "Tamazight (Berber)"),
        e("so", "Somalisch", "Somali"),
        e("pl", "Pools", "Polish"),
        e("ti", "Tigrinya", "Tigrinya"),
        e("fa", "Farsi / Dari", "Farsi / Dari"),
        e("ku", "Koerdisch", "Kurdish"),
        e("pap", "Papiaments", "Papiamento"),
        e("srn", "Sranantongo", "Sranan Tongo"),
        e("hns", "Sarnami", "Sarnami Hindustani"),
        e("ps", "Pashtoe", "Pashto"),
        e("uk", "Oekraïens", "Ukrainian"),
        e("ru", "Russisch", "Russian"),
        e("fr", "Frans", "French"),
        e("other", "Andere taal", "Other language"),
    ],
};

/// Community groups present at an activity. Recorded per activity and optionally, never per person (seed 004:641),
/// and only for organisations that switch counting them on (`activities_by_community`).
pub static COMMUNITY_GROUPS: ReferenceList = ReferenceList {
    name: "community_group",
    version: 1,
    entries: &[
        e("turks", "Turks", "Turkish"),
        e("marokkaans", "Marokkaans", "Moroccan"),
        e("somalisch", "Somalisch", "Somali"),
        e("pools", "Pools", "Polish"),
        e("surinaams_hindostaans", "Surinaams / Hindostaans", "Surinamese / Hindustani"),
        e("antilliaans", "Antilliaans / Arubaans", "Antillean / Aruban"),
        e("afghaans", "Afghaans", "Afghan"),
        e("iraaks", "Iraaks", "Iraqi"),
        e("iraans", "Iraans", "Iranian"),
        e("koerdisch", "Koerdisch", "Kurdish"),
        e("syrisch", "Syrisch", "Syrian"),
        e("eritrees", "Eritrees", "Eritrean"),
        e("other", "Andere groep", "Other group"),
    ],
};

/// Age bands for the tallies of an activity's participants (counted only for organisations that switch it on).
pub static AGE_BANDS: ReferenceList = ReferenceList {
    name: "age_band",
    version: 1,
    entries: &[
        e("under_18", "Jonger dan 18", "Under 18"),
        e("18_29", "18 tot 30", "18 to 29"),
        e("30_49", "30 tot 50", "30 to 49"),
        e("50_64", "50 tot 65", "50 to 64"),
        e("65_plus", "65 of ouder", "65 or older"),
    ],
};

/// Whether a referral is the first melding about a person or family, or a repeat one: municipalities aim for more
/// first ones and fewer repeats.
pub static OCCURRENCES: ReferenceList = ReferenceList {
    name: "occurrence",
    version: 1,
    entries: &[e("first", "Eerste melding", "First report"), e("repeat", "Herhaalde melding", "Repeat report")],
};

/// What the volunteer saw that led to a referral (*signalen*): signs, never facts about a named person.
pub static SIGNALS: ReferenceList = ReferenceList {
    name: "signal",
    version: 1,
    entries: &[
        e("letsel", "Zichtbaar letsel", "Visible injuries"),
        e("angst", "Angst of schrik", "Fear"),
        e("controle", "Controle door partner of familie", "Control by partner or family"),
        e("bedreiging", "Bedreiging", "Threats"),
        e("isolement", "Mag niemand zien of nergens heen", "Kept from others"),
        e("geld", "Geen eigen geld of papieren", "No own money or papers"),
        e("kinderen", "Zorgen om de kinderen", "Worries about the children"),
        e("reis_huwelijk", "Reis of huwelijk tegen de wil", "Trip or marriage against their will"),
        e("zelfbeschadiging", "Gedachten aan zelfbeschadiging", "Thoughts of self-harm"),
        e("other", "Ander signaal", "Other sign"),
    ],
};

/// Statements a meeting can ask a show of hands about, before and after (*handopsteking*): knowledge and
/// readiness to act, the effects the field reports say are never measured.
pub static STATEMENTS: ReferenceList = ReferenceList {
    name: "statement",
    version: 1,
    entries: &[
        e("knows_help", "Weet waar je hulp kunt vinden", "Knows where to find help"),
        e("would_talk", "Zou erover praten of het melden", "Would talk to someone or report it"),
        e("recognises_signs", "Herkent de signalen", "Recognises the signs"),
    ],
};
